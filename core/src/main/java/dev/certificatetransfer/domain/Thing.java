package dev.certificatetransfer.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A thing of AWS's registry: a device's name in an account, with attributes; certificates are attached to it as its
 * principals (docs/behaviour.md#17-things-policies-and-attachments). Immutable.
 *
 * @param name its name, unique in its account
 * @param owner the account it belongs to
 * @param thingId its id, given when it was created; a thing created again under the same name gets another
 * @param attributes its attributes
 * @param version AWS's thing version: 1 (no call served here changes a thing)
 * @param creationDate when it was created
 */
public record Thing(
        ThingName name, AccountId owner, UUID thingId, ThingAttributes attributes, long version, Instant creationDate) {

    /**
     * Checks the shape.
     *
     * @param name its name
     * @param owner its account
     * @param thingId its id
     * @param attributes its attributes
     * @param version its version, at least 1
     * @param creationDate when it was created
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public Thing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(thingId, "thingId");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(creationDate, "creationDate");
        if (version < 1) {
            throw new IllegalArgumentException("a thing's version is at least 1");
        }
    }

    /**
     * The thing's ARN.
     *
     * @param region the deployment's region
     * @return {@code arn:aws:iot:{region}:{owner}:thing/{name}}
     */
    public ThingArn arn(Region region) {
        return new ThingArn(region, owner, name);
    }
}
