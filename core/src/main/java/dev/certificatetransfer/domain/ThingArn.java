package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * A thing's ARN, {@code arn:aws:iot:{region}:{account}:thing/{name}}: the resource of the thing calls' IAM actions.
 *
 * @param region the deployment's region
 * @param account the account the thing belongs to
 * @param thingName the thing
 */
public record ThingArn(Region region, AccountId account, ThingName thingName) implements Resource {

    /**
     * The ARN.
     *
     * @param region the deployment's region
     * @param account the account the thing belongs to
     * @param thingName the thing
     * @throws NullPointerException if a component is null
     */
    public ThingArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(thingName, "thingName");
    }

    @Override
    public String value() {
        return "arn:aws:iot:" + region.value() + ':' + account.value() + ":thing/" + thingName.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
