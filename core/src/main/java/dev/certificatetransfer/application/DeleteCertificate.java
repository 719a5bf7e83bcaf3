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
public final class DeleteCertificate {

    private final Guard guard;
    private final Changes changes;
    private final AttachmentQuery attachments;

    DeleteCertificate(Guard guard, Changes changes, AttachmentQuery attachments) {
        this.guard = guard;
        this.changes = changes;
        this.attachments = attachments;
    }

    /**
     * Deletes the certificate. Precondition: the caller is authenticated. Rejections, in order: UNAUTHORIZED
     * (Authorizer); NOT_FOUND; UNAUTHORIZED (not the owner); CERTIFICATE_STATE ({@code ACTIVE} or
     * {@code PENDING_TRANSFER}); DELETE_CONFLICT (a thing attached, or a policy attached without
     * {@code forceDelete}).
     *
     * @return the id of the deleted certificate
     */
    public Either<Rejection, CertificateId> delete(Principal caller, CertificateId id, boolean forceDelete) {
        return guard.authorize(caller, IotAction.DELETE_CERTIFICATE, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (current, now) -> Changes.oneChange(
                        CertificateDecisions.delete(current, id, caller.account(), forceDelete,
                                Lazy.of(() -> attachments.attachmentsOf(id)), now))))
                .map(gone -> id);
    }
}
