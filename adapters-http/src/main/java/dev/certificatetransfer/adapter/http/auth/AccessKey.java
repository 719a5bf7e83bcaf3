package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import java.util.Objects;

/**
 * An access key: its id, its secret (never printed: {@link Secret#toString()} masks it, so this record's
 * {@code toString()} does too), and the principal it acts as.
 */
public record AccessKey(String accessKeyId, Secret secretAccessKey, Principal principal) {

    public AccessKey {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("an access key id is not blank");
        }
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
    }
}
