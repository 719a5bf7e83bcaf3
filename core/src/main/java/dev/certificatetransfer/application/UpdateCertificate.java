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
public final class UpdateCertificate {

    private final Guard guard;
    private final Changes changes;

    UpdateCertificate(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Sets the certificate's status; asking for the status it has changes nothing and succeeds (AWS).
     * Precondition: the caller is authenticated. Rejections, in order: INVALID_REQUEST ({@code newStatus} is
     * {@code PENDING_TRANSFER} or {@code PENDING_ACTIVATION}); UNAUTHORIZED (Authorizer); NOT_FOUND;
     * UNAUTHORIZED (not the owner); CERTIFICATE_STATE (pending transfer, or revoked and asked for another status).
     *
     * @return the certificate after the update
     */
    public Either<Rejection, Certificate> update(Principal caller, CertificateId id, CertificateStatus newStatus) {
        return CertificateDecisions.requestable(newStatus)
                .flatMap(status -> guard.authorize(caller, IotAction.UPDATE_CERTIFICATE, id))
                .flatMap(allowed -> changes.decideAndCommit(id, (current, now) -> CertificateDecisions
                        .updateStatus(current, id, caller.account(), newStatus, now).map(Option::narrow)))
                .map(Option::get);
    }
}
