package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;

import java.util.Objects;

/**
 * An access key: its id, its secret (never printed: {@link Secret#toString()} masks it, so this record's
 * {@code toString()} does too), and the principal it acts as.
 *
 * @param accessKeyId the id a Signature Version 4 credential names, not blank
 * @param secretAccessKey the secret requests are signed with
 * @param principal who a request signed with this key acts as
 */
public record AccessKey(String accessKeyId, Secret secretAccessKey, Principal principal) {

    /**
     * An access key.
     *
     * @param accessKeyId the id, not blank
     * @param secretAccessKey the secret
     * @param principal who it acts as
     * @throws IllegalArgumentException if the id is null or blank
     * @throws NullPointerException if the secret or the principal is null
     */
    public AccessKey {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("an access key id is not blank");
        }
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
    }
}
