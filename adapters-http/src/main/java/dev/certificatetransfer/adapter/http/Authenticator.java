package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Either;

/**
 * Who sent a request: the principal it acts as, or why it is not authenticated. The AWS dialect uses Signature
 * Version 4 ({@code SigV4Verifier::verify}); the envelope dialect uses {@link BearerTokenAuthenticator}. A host may
 * plug in its own. Implementations must be thread-safe and must never put a secret into a failure's message.
 */
@FunctionalInterface
public interface Authenticator {

    Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request);
}
