package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;
import java.util.List;
import java.util.Objects;

/**
 * The envelope dialect's authentication (spec section 7): exactly one {@code Authorization: Bearer <token>} header
 * (the scheme matched case-insensitively, RFC 7235), whose token the credentials port maps to a principal. The
 * token never appears in a failure.
 */
public final class BearerTokenAuthenticator implements Authenticator {

    private static final String SCHEME = "bearer ";

    private final CredentialsStore credentials;

    public BearerTokenAuthenticator(CredentialsStore credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
        List<String> values = request.headers().getOrDefault("authorization", List.of());
        if (values.size() != 1 || !values.get(0).regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Either.left(new AuthenticationRefusal("MissingAuthenticationTokenException",
                    "The request must carry one Authorization: Bearer <token> header"));
        }
        var token = values.get(0).substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            return Either.left(new AuthenticationRefusal("MissingAuthenticationTokenException",
                    "The bearer token is empty"));
        }
        return credentials.bearerToken(token).toEither(
                () -> new AuthenticationRefusal("UnrecognizedClientException", "The bearer token is not recognised"));
    }
}
