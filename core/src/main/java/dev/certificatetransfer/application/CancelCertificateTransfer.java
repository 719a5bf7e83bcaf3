package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferDecisions;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** CancelCertificateTransfer: the source withdraws its pending transfer; the certificate stays with it, {@code INACTIVE}. */
final class CancelCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    CancelCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Certificate> cancel(Principal caller, CertificateId id) {
        return guard.authorize(caller, IotAction.CANCEL_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        TransferDecisions.cancel(stored.certificate(), id, caller.account(), now))))
                .map(Option::get);
    }
}
