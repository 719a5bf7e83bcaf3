package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CredentialsStore} in memory, safe to change while requests are verified. Bearer tokens are kept only as
 * their SHA-256, so a token is looked up without comparing it character by character.
 */
public final class InMemoryCredentialsStore implements CredentialsStore {

    private final Map<String, AccessKey> accessKeys = new ConcurrentHashMap<>();
    private final Map<String, Principal> bearerTokens = new ConcurrentHashMap<>();

    /** An empty store; add access keys and bearer tokens to it. */
    public InMemoryCredentialsStore() {
        // nothing to set up
    }

    /**
     * Adds an access key, or replaces the one with the same id (a rotated secret takes effect at once).
     *
     * @param key the access key
     * @return this store
     */
    public InMemoryCredentialsStore add(AccessKey key) {
        accessKeys.put(key.accessKeyId(), key);
        return this;
    }

    /**
     * Adds a bearer token for a principal, or points an existing token at another principal.
     *
     * @param token the token, not blank; only its SHA-256 is kept
     * @param principal who a request with this token acts as
     * @return this store
     * @throws IllegalArgumentException if the token is null or blank
     */
    public InMemoryCredentialsStore addBearerToken(String token, Principal principal) {
        Objects.requireNonNull(principal, "principal");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a bearer token is not blank");
        }
        bearerTokens.put(digest(token), principal);
        return this;
    }

    /**
     * Removes an access key; requests it signs are then refused as from an unknown client.
     *
     * @param accessKeyId the key's id
     * @return this store
     */
    public InMemoryCredentialsStore removeAccessKey(String accessKeyId) {
        accessKeys.remove(accessKeyId);
        return this;
    }

    @Override
    public Option<AccessKey> accessKey(String accessKeyId) {
        return accessKeyId == null ? Option.none() : Option.of(accessKeys.get(accessKeyId));
    }

    @Override
    public Option<Principal> bearerToken(String token) {
        return token == null ? Option.none() : Option.of(bearerTokens.get(digest(token)));
    }

    private static String digest(String token) {
        return SigV4Authenticator.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * How many access keys it holds.
     *
     * @return the number of access keys
     */
    public int accessKeyCount() {
        return accessKeys.size();
    }

    /**
     * How many bearer tokens it holds.
     *
     * @return the number of bearer tokens
     */
    public int bearerTokenCount() {
        return bearerTokens.size();
    }

    @Override
    public String toString() {
        return "InMemoryCredentialsStore[" + accessKeys.size() + " access keys, " + bearerTokens.size()
                + " bearer tokens]";
    }
}
