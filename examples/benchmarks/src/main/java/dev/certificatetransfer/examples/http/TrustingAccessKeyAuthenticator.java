package dev.certificatetransfer.examples.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

/**
 * UNSAFE, FOR BENCHMARKS ONLY: takes the access key id from the Authorization header's {@code Credential=} and
 * trusts it without checking the signature, so that a benchmark can measure what Signature Version 4 verification
 * costs. Anyone who knows an access key id could act as its account. Never use it in a server.
 */
public final class TrustingAccessKeyAuthenticator implements Authenticator {

    private static final String CREDENTIAL = "Credential=";

    private final CredentialsStore credentials;

    public TrustingAccessKeyAuthenticator(CredentialsStore credentials) {
        this.credentials = credentials;
    }

    @Override
    public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
        var authorization = request.header("authorization");
        String value = authorization.isEmpty() ? "" : authorization.get(0);
        int start = value.indexOf(CREDENTIAL);
        int end = start < 0 ? -1 : value.indexOf('/', start);
        if (end < 0) {
            return Either.left(AuthenticationRefusal.missingToken("Missing Authentication Token"));
        }
        return credentials
                .accessKey(value.substring(start + CREDENTIAL.length(), end))
                .map(key -> Either.<AuthenticationRefusal, Principal>right(key.principal()))
                .getOrElse(() -> Either.left(AuthenticationRefusal.unrecognizedClient()));
    }
}
