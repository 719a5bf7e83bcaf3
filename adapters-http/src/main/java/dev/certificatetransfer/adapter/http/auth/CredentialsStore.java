package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

/**
 * Port: who is behind an access key or a bearer token. Asked on every authenticated request, so it must be
 * thread-safe and fast; an infrastructure failure is an exception, never "unknown".
 */
public interface CredentialsStore {

    /**
     * The access key with this id.
     *
     * @param accessKeyId the id a request's Signature Version 4 credential names
     * @return the key, with its secret and the principal it acts as; none if unknown
     */
    Option<AccessKey> accessKey(String accessKeyId);

    /**
     * The principal a bearer token (the envelope dialect's {@code Authorization: Bearer}) stands for.
     *
     * @param token the token as sent, never logged
     * @return the principal; none if the token is unknown
     */
    Option<Principal> bearerToken(String token);
}
