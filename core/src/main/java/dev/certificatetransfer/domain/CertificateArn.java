package dev.certificatetransfer.domain;

import io.vavr.control.Either;

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
     * Input rule for a certificate ARN a caller sent (AttachPolicy's {@code target}, a thing's principal):
     * {@code arn:aws:iot:{region}:{account}:cert/{certificateId}}, the id case-insensitive.
     *
     * @param raw the ARN as sent, possibly null
     * @return the ARN; or INVALID_REQUEST when it is not a certificate ARN of that shape
     */
    public static Either<Refusal, CertificateArn> parse(String raw) {
        var invalid = new Refusal.InvalidRequest("Not a certificate ARN (arn:aws:iot:{region}:{account}:cert/{id})");
        if (raw == null || raw.length() > 256 || !raw.startsWith("arn:aws:iot:")) {
            return Either.left(invalid);
        }
        var parts = raw.substring("arn:aws:iot:".length()).split(":", -1);
        if (parts.length != 3 || !parts[2].startsWith("cert/")) {
            return Either.left(invalid);
        }
        var region = Region.parse(parts[0]);
        var account = AccountId.parse(parts[1]);
        var id = CertificateId.parse(parts[2].substring("cert/".length()));
        if (region.isLeft() || account.isLeft() || id.isLeft()) {
            return Either.left(invalid);
        }
        return Either.right(new CertificateArn(region.get(), account.get(), id.get()));
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
