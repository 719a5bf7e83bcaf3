// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;
import java.util.concurrent.ConcurrentHashMap;

/** Access keys and bearer tokens held in memory. */
public final class InMemoryCredentialsStore implements CredentialsStore {

    private final ConcurrentHashMap<String, AccessKey> accessKeys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Principal> bearerTokens = new ConcurrentHashMap<>();

    public InMemoryCredentialsStore add(AccessKey key) {
        accessKeys.put(key.accessKeyId(), key);
        return this;
    }

    public InMemoryCredentialsStore addBearerToken(String token, Principal principal) {
        bearerTokens.put(token, principal);
        return this;
    }

    @Override
    public Option<AccessKey> accessKey(String accessKeyId) {
        return Option.of(accessKeyId).flatMap(id -> Option.of(accessKeys.get(id)));
    }

    @Override
    public Option<Principal> bearerToken(String token) {
        return Option.of(token).flatMap(t -> Option.of(bearerTokens.get(t)));
    }
}
