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
final class RejectCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    RejectCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Certificate> reject(Principal caller, CertificateId id, Option<RejectReason> reason) {
        return guard.authorize(caller, IotAction.REJECT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        TransferDecisions.reject(stored.certificate(), id, caller.account(), reason, now))))
                .map(Option::get);
    }
}
