package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a registry listing starts (ListAttachedPolicies, ListTargetsForPolicy, ListPrincipalThings,
 * ListThingPrincipals): opaque to callers (base64, at most 1024 characters), it holds the last key of the page
 * before, a policy or thing name or a certificate id (docs/behaviour.md#17-things-policies-and-attachments).
 *
 * @param value the marker as callers see it
 * @param key the last key of the page before
 */
public record NameMarker(String value, String key) {

    private static final int MAX_LENGTH = 1024;
    private static final String PREFIX = "n1:";
    private static final Refusal MALFORMED = new Refusal.InvalidRequest("marker is not a marker this service issued");

    /**
     * A marker whose value encodes its key.
     *
     * @param value the encoding of {@code key}
     * @param key the last key of the page before
     * @throws NullPointerException if either is null
     * @throws IllegalArgumentException if {@code value} is not the encoding of {@code key}
     */
    public NameMarker {
        Objects.requireNonNull(key, "key");
        if (!encode(key).equals(value)) {
            throw new IllegalArgumentException("a marker's value is the encoding of its key");
        }
    }

    /**
     * The marker after a key.
     *
     * @param key the last key of a page
     * @return the marker of the page after it
     */
    public static NameMarker after(String key) {
        return new NameMarker(encode(key), key);
    }

    /**
     * Input rule for a marker a caller sent back.
     *
     * @param raw the marker as sent, possibly null
     * @return the marker; or INVALID_REQUEST if this service did not issue it
     */
    public static Either<Refusal, NameMarker> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
            return Either.left(MALFORMED);
        }
        try {
            var plain = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)
                    || plain.length() == PREFIX.length()
                    || !encode(plain.substring(3)).equals(raw)) {
                return Either.left(MALFORMED);
            }
            return Either.right(after(plain.substring(PREFIX.length())));
        } catch (IllegalArgumentException notBase64) {
            return Either.left(MALFORMED);
        }
    }

    private static String encode(String key) {
        return Base64.getEncoder().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return value;
    }
}
