// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

/** Port: who is behind an access key or a bearer token. */
public interface CredentialsStore {

    Option<AccessKey> accessKey(String accessKeyId);

    Option<Principal> bearerToken(String token);
}
