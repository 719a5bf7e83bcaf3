package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
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

/** TransferCertificate: the owner offers a certificate to another account. */
final class TransferCertificate {

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

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Transferred> transfer(Principal caller, CertificateId id, AccountId target,
            Option<TransferMessage> message) {
        return guard.authorize(caller, IotAction.TRANSFER_CERTIFICATE, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        TransferDecisions.transfer(stored.certificate(), id, caller.account(), target, message,
                                Lazy.of(() -> attachments.attachmentsOf(id)), now))))
                .map(after -> new Transferred(after.get(), new CertificateArn(region, target, id)));
    }
}
