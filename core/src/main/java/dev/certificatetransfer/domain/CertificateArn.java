package dev.certificatetransfer.domain;

import java.util.Objects;

/** {@code arn:aws:iot:{region}:{account}:cert/{certificateId}}; the account is the owner's (or the target's, for a transfer). */
public record CertificateArn(Region region, AccountId account, CertificateId certificateId) implements Resource {

    public CertificateArn {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    @Override
    public String value() {
        return "arn:aws:iot:" + region.value() + ':' + account.value() + ":cert/" + certificateId.value();
    }

    @Override
    public String toString() {
        return value();
    }
}
