package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * A certificate's ARN, {@code arn:aws:iot:{region}:{account}:cert/{certificateId}}; the account is the owner's (or
 * the target's, for a transfer; the caller's, when the Authorizer is asked: docs/behaviour.md, section 10).
 *
 * @param region the deployment's region
 * @param account the account the ARN is under
 * @param certificateId the certificate's id
 */
public record CertificateArn(Region region, AccountId account, CertificateId certificateId) implements Resource {

    /**
     * An ARN.
     *
     * @param region the deployment's region
     * @param account the account the ARN is under
     * @param certificateId the certificate's id
     * @throws NullPointerException if any is null
     */
    public CertificateArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    /**
     * The ARN as AWS writes it.
     *
     * @return {@code arn:aws:iot:{region}:{account}:cert/{certificateId}}
     */
    @Override
    public String value() {
        return "arn:aws:iot:" + region.value() + ':' + account.value() + ":cert/" + certificateId.value();
    }

    /** The ARN as AWS writes it: {@link #value()}. */
    @Override
    public String toString() {
        return value();
    }
}
