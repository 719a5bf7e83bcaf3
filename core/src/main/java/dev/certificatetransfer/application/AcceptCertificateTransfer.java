package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferDecisions;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** AcceptCertificateTransfer: the target takes ownership of a certificate pending transfer to it. */
final class AcceptCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    AcceptCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Certificate> accept(Principal caller, CertificateId id, boolean setAsActive) {
        return guard.authorize(caller, IotAction.ACCEPT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        TransferDecisions.accept(stored.certificate(), id, caller.account(), setAsActive, now))))
                .map(Option::get);
    }
}
