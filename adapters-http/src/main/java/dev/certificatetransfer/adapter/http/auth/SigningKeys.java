package dev.certificatetransfer.adapter.http.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys ({@code HMAC("AWS4" + secret, day, region, service, "aws4_request")}), cached per access key, day,
 * region and service. An entry remembers the secret it was derived from and is used only while the store still
 * gives the same secret, so a rotated secret is never answered from the cache. The cache is bounded: when it is
 * full it is emptied (a day's keys are recomputed at most once per key and scope after that).
 */
final class SigningKeys {

    static final int DEFAULT_CAPACITY = 4096;

    private final int capacity;
    private final Map<Scope, Entry> cache = new ConcurrentHashMap<>();

    SigningKeys(int capacity) {
        this.capacity = capacity;
    }

    /** The signing key for this access key and scope. */
    byte[] signingKey(AccessKey key, CredentialScope scope) {
        var cacheKey = new Scope(key.accessKeyId(), scope.date(), scope.region(), scope.service());
        Entry cached = cache.get(cacheKey);
        if (cached != null && cached.secret().equals(key.secretAccessKey())) {
            return cached.signingKey();
        }
        byte[] derived = derive(key.secretAccessKey(), scope);
        if (cache.size() >= capacity) {
            cache.clear();
        }
        cache.put(cacheKey, new Entry(key.secretAccessKey(), derived));
        return derived;
    }

    int size() {
        return cache.size();
    }

    static byte[] derive(Secret secret, CredentialScope scope) {
        byte[] key = ("AWS4" + secret.value()).getBytes(StandardCharsets.UTF_8);
        for (String part : new String[] {scope.date(), scope.region(), scope.service(), CredentialScope.TERMINATOR}) {
            key = hmac(key, part);
        }
        return key;
    }

    /** One Mac per thread: {@code Mac.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    });

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = MACS.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException missingFromTheJdk) {
            throw new IllegalStateException("HmacSHA256 is not available", missingFromTheJdk);
        }
    }

    private record Scope(String accessKeyId, String day, String region, String service) {}

    @SuppressWarnings("ArrayRecordComponent") // never compared: a cache entry, read where it is made
    private record Entry(Secret secret, byte[] signingKey) {}
}
