package dev.certificatetransfer.adapter.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret string whose {@code toString()} is {@code "****"}, so that it cannot reach a log line or a message by
 * accident; {@link #value()} gives it to the signer only. Equality compares in constant time.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * A secret.
     *
     * @param value the secret text
     * @return the secret
     * @throws IllegalArgumentException if the value is null or empty (without echoing anything)
     */
    public static Secret of(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a secret is not empty");
        }
        return new Secret(value);
    }

    /**
     * The secret itself: for computing a signing key, never for printing.
     *
     * @return the secret text
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other == this
                || (other instanceof Secret that
                        && MessageDigest.isEqual(
                                value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public int hashCode() {
        return value.length();
    }

    @Override
    public String toString() {
        return "****";
    }
}
