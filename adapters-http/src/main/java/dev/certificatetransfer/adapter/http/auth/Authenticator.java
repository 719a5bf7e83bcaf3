package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

/**
 * Who sent a request: the principal it acts as, or why it is not authenticated. The AWS dialect uses Signature
 * Version 4 ({@link SigV4Authenticator}), the envelope dialect bearer tokens ({@link BearerTokenAuthenticator});
 * a host may plug in its own. Implementations must be thread-safe and must never put a secret, a token or the
 * Authorization header into a refusal's message.
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
}
