package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateDecisions;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.port.AttachmentQuery;
import io.vavr.Lazy;
import io.vavr.control.Either;

/** DeleteCertificate: the owner removes a certificate that is neither active nor pending transfer. */
final class DeleteCertificate {

    private final Guard guard;
    private final Changes changes;
    private final AttachmentQuery attachments;

    DeleteCertificate(Guard guard, Changes changes, AttachmentQuery attachments) {
        this.guard = guard;
        this.changes = changes;
        this.attachments = attachments;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, CertificateId> delete(Principal caller, CertificateId id, boolean forceDelete) {
        return guard.authorize(caller, IotAction.DELETE_CERTIFICATE, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        CertificateDecisions.delete(stored.certificate(), id, caller.account(), forceDelete,
                                Lazy.of(() -> attachments.attachmentsOf(id)), now))))
                .map(gone -> id);
    }
}
