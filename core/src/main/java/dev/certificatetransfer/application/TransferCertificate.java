package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferDecisions;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.AttachmentQuery;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Objects;

/** TransferCertificate: the owner offers a certificate to another account. */
public final class TransferCertificate {

    private final Guard guard;
    private final Changes changes;
    private final AttachmentQuery attachments;
    private final Region region;

    TransferCertificate(Guard guard, Changes changes, AttachmentQuery attachments, Region region) {
        this.guard = guard;
        this.changes = changes;
        this.attachments = attachments;
        this.region = region;
    }

    /**
     * Opens a transfer of the certificate to {@code target}; the certificate becomes {@code PENDING_TRANSFER}.
     * Precondition: the caller is authenticated. Rejections, in order: UNAUTHORIZED (Authorizer); NOT_FOUND;
     * UNAUTHORIZED (not the owner); INVALID_REQUEST (the target is the owner); CERTIFICATE_STATE (not
     * {@code INACTIVE} or {@code REGISTER_INACTIVE}); TRANSFER_CONFLICT (policies or things attached).
     */
    public Either<Rejection, Transferred> transfer(Principal caller, CertificateId id, AccountId target,
            Option<TransferMessage> message) {
        return guard.authorize(caller, IotAction.TRANSFER_CERTIFICATE, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (current, now) -> Changes.oneChange(
                        TransferDecisions.transfer(current, id, caller.account(), target, message,
                                Lazy.of(() -> attachments.attachmentsOf(id)), now))))
                .map(after -> new Transferred(after.get(), new CertificateArn(region, target, id)));
    }

    /** The certificate pending transfer, and its ARN under the target account ({@code transferredCertificateArn}). */
    public record Transferred(Certificate certificate, CertificateArn transferredCertificateArn) {
        public Transferred {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(transferredCertificateArn, "transferredCertificateArn");
        }
    }
}
