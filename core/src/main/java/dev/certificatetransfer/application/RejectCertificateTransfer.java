package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferDecisions;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** RejectCertificateTransfer: the target refuses a certificate pending transfer to it. */
public final class RejectCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    RejectCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Rejects the pending transfer: the certificate stays with the source, {@code INACTIVE}, with the reason and
     * reject date in its transfer data. Precondition: the caller is authenticated. Rejections, in order:
     * UNAUTHORIZED (Authorizer); NOT_FOUND; UNAUTHORIZED (the owner tried to reject);
     * TRANSFER_ALREADY_COMPLETED; INVALID_REQUEST (never transferred).
     *
     * @return the certificate after the rejection
     */
    public Either<Rejection, Certificate> reject(Principal caller, CertificateId id, Option<RejectReason> reason) {
        return guard.authorize(caller, IotAction.REJECT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (current, now) -> Changes.oneChange(
                        TransferDecisions.reject(current, id, caller.account(), reason, now))))
                .map(Option::get);
    }
}
