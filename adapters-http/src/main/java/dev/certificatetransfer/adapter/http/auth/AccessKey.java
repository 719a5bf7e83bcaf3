// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.domain.Principal;
import java.util.Objects;

/** An access key: its id, its secret (never printed: toString masks it), the principal it acts as. */
public record AccessKey(String accessKeyId, Secret secretAccessKey, Principal principal) {

    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
    }
}
