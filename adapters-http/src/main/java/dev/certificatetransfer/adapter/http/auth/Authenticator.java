package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

/**
 * Who sent a request: the principal it acts as, or why it is not authenticated. The AWS dialect uses Signature
 * Version 4 ({@link SigV4Authenticator}), the envelope dialect bearer tokens ({@link BearerTokenAuthenticator});
 * a host may plug in its own. Implementations must be thread-safe and must never put a secret, a token or the
 * Authorization header into a refusal's message.
 *
 * <p>Authentication comes in two steps so that a request can be refused before its body is read
 * (docs/behaviour.md#13-on-the-wire): {@link #authenticateHead} decides what the request line and headers can
 * decide, and the {@link BodyCheck} it gives finishes once the body is in. {@link #authenticate} is both steps
 * in one.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Authenticates one request as received.
     *
     * @param request the request, nothing decoded
     * @return the principal the request acts as, or the refusal to answer (403 in the AWS dialect, 401 in the
     *         envelope: docs/behaviour.md#13-on-the-wire)
     */
    Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request);

    /**
     * The first step: what the request's head (request line and headers, no body) decides. By default nothing:
     * the whole request is authenticated once its body is in. An implementation that overrides it refuses here
     * whatever it can, and its {@link #authenticate} must answer as the two steps do.
     *
     * @param head the request without its body (its body, if any, is ignored)
     * @return the refusal the head already earns, or the check that finishes with the whole request
     */
    default Either<AuthenticationRefusal, BodyCheck> authenticateHead(HttpRequest head) {
        return Either.right(this::authenticate);
    }

    /** The second step of an authentication whose head passed: what needs the body. */
    @FunctionalInterface
    interface BodyCheck {

        /**
         * Finishes the authentication.
         *
         * @param request the whole request: the head that passed, with its body
         * @return the principal the request acts as, or the refusal to answer
         */
        Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request);
    }
}
