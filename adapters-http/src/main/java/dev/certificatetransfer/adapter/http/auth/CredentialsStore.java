package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

/** Port: who is behind an access key or a bearer token. */
public interface CredentialsStore {

    /** The access key with this id, with its secret and the principal it acts as; none if unknown. */
    Option<AccessKey> accessKey(String accessKeyId);

    /** The principal a bearer token (the envelope dialect's {@code Authorization: Bearer}) stands for; none if unknown. */
    Option<Principal> bearerToken(String token);
}
