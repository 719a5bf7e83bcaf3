// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

import java.util.Objects;

/** A secret string whose toString() is "****"; value() gives it to the signer only. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return "****";
    }
}
