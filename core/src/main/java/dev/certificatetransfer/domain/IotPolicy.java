package dev.certificatetransfer.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A policy of an account: a name and a document that certificates are attached to
 * (docs/behaviour.md#17-things-policies-and-attachments). The service keeps one version of it ("1"), never
 * evaluates it, and {@link #toString()} leaves the document out. Immutable.
 *
 * @param name its name, unique in its account
 * @param owner the account it belongs to
 * @param document its document
 * @param creationDate when it was created (also its lastModifiedDate: no call served here changes it)
 */
public record IotPolicy(PolicyName name, AccountId owner, PolicyDocument document, Instant creationDate) {

    /** The one version a policy has here: AWS's {@code policyVersionId} and {@code defaultVersionId}. */
    public static final String VERSION_ID = "1";

    /**
     * Checks the shape.
     *
     * @param name its name
     * @param owner its account
     * @param document its document
     * @param creationDate when it was created
     * @throws NullPointerException if a component is null
     */
    public IotPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(creationDate, "creationDate");
    }

    /**
     * The policy's ARN.
     *
     * @param region the deployment's region
     * @return {@code arn:aws:iot:{region}:{owner}:policy/{name}}
     */
    public PolicyArn arn(Region region) {
        return new PolicyArn(region, owner, name);
    }

    /**
     * AWS's {@code generationId}: the lowercase hex SHA-256 of the document, so it changes exactly when the
     * document would.
     *
     * @return 64 hex characters
     */
    public String generationId() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(document.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform ships SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "IotPolicy[name=" + name + ", owner=" + owner + "]";
    }
}
