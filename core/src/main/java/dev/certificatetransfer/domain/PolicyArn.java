package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * A policy's ARN, {@code arn:aws:iot:{region}:{account}:policy/{name}}: the resource of the policy calls' IAM actions.
 *
 * @param region the deployment's region
 * @param account the account the policy belongs to
 * @param policyName the policy
 */
public record PolicyArn(Region region, AccountId account, PolicyName policyName) implements Resource {

    /**
     * The ARN.
     *
     * @param region the deployment's region
     * @param account the account the policy belongs to
     * @param policyName the policy
     * @throws NullPointerException if a component is null
     */
    public PolicyArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(policyName, "policyName");
    }

    @Override
    public String value() {
        return "arn:aws:iot:" + region.value() + ':' + account.value() + ":policy/" + policyName.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
