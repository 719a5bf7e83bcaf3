package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AccessKey;
import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal.Code;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

import java.util.List;

/**
 * Test-only authenticators for the AWS dialect until the Signature Version 4 verifier is wired in: they trust what
 * the request says and check no signature.
 */
final class TestAuthenticators {

    static final String TEST_ACCOUNT = "x-test-account";
    private static final String CREDENTIAL = "AWS4-HMAC-SHA256 Credential=";

    private TestAuthenticators() {}

    /** The account named by one {@code x-test-account} header, as its root principal. */
    static Authenticator trustingTestAccountHeader() {
        return request -> {
            List<String> values = request.headers().getOrDefault(TEST_ACCOUNT, List.of());
            return values.size() == 1
                    ? AccountId.parse(values.get(0)).map(Principal::root).mapLeft(invalid -> missing())
                    : Either.left(missing());
        };
    }

    /**
     * The principal of the access key named in the {@code Credential=} of an AWS4-HMAC-SHA256 Authorization
     * header, looked up in the credentials port; the signature is not checked.
     */
    static Authenticator trustingAccessKeys(CredentialsStore credentials) {
        return request -> {
            List<String> values = request.headers().getOrDefault("authorization", List.of());
            if (values.size() != 1 || !values.get(0).startsWith(CREDENTIAL)) {
                return Either.left(missing());
            }
            var credential = values.get(0).substring(CREDENTIAL.length());
            var accessKeyId = credential.substring(0, Math.max(0, credential.indexOf('/')));
            return credentials
                    .accessKey(accessKeyId)
                    .map(AccessKey::principal)
                    .toEither(() -> new AuthenticationRefusal(
                            Code.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid."));
        };
    }

    private static AuthenticationRefusal missing() {
        return new AuthenticationRefusal(Code.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }
}
