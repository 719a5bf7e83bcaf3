package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateDecisions;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** UpdateCertificate: the owner changes a certificate's status. */
final class UpdateCertificate {

    private final Guard guard;
    private final Changes changes;

    UpdateCertificate(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Certificate> update(Principal caller, CertificateId id, CertificateStatus newStatus) {
        return CertificateDecisions.requestable(newStatus)
                .flatMap(status -> guard.authorize(caller, IotAction.UPDATE_CERTIFICATE, id))
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> CertificateDecisions
                        .updateStatus(stored.certificate(), id, caller.account(), newStatus, now).map(Option::narrow)))
                .map(Option::get);
    }
}
