package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

import java.util.List;
import java.util.Objects;

/**
 * The envelope dialect's authentication: exactly one {@code Authorization: Bearer <token>} header (the scheme
 * matched case-insensitively, RFC 7235), whose token the credentials port maps to a principal
 * (docs/behaviour.md#13-on-the-wire). The token never appears in a refusal.
 */
public final class BearerTokenAuthenticator implements Authenticator {

    private static final String SCHEME = "bearer ";

    private final CredentialsStore credentials;

    /**
     * An authenticator that looks bearer tokens up in a credentials store.
     *
     * @param credentials where tokens are looked up, on every request
     */
    public BearerTokenAuthenticator(CredentialsStore credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The principal of the request's bearer token.
     *
     * @return the principal, or {@link AuthenticationRefusal.Code#MISSING_AUTHENTICATION_TOKEN} for no, several or
     *         an empty bearer token, {@link AuthenticationRefusal.Code#UNRECOGNIZED_CLIENT} for an unknown one
     */
    @Override
    public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
        return principal(request);
    }

    /**
     * The whole authentication, from the head alone: a bearer token does not cover the body.
     *
     * @return the refusals of {@link #authenticate}, or a check that accepts any body
     */
    @Override
    public Either<AuthenticationRefusal, BodyCheck> authenticateHead(HttpRequest head) {
        return principal(head).map(principal -> request -> Either.right(principal));
    }

    private Either<AuthenticationRefusal, Principal> principal(HttpRequest request) {
        List<String> values = request.header("authorization");
        if (values.size() != 1 || !values.get(0).regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Either.left(AuthenticationRefusal.missingToken(
                    "The request must carry one Authorization: Bearer <token> header"));
        }
        var token = values.get(0).substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            return Either.left(AuthenticationRefusal.missingToken("The bearer token is empty"));
        }
        return credentials
                .bearerToken(token)
                .toEither(() -> new AuthenticationRefusal(
                        AuthenticationRefusal.Code.UNRECOGNIZED_CLIENT, "The bearer token is not recognised"));
    }
}
