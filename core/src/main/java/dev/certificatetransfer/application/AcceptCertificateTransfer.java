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
public final class AcceptCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    AcceptCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Accepts the pending transfer: the caller owns the certificate, {@code ACTIVE} if {@code setAsActive}, else
     * {@code INACTIVE}; the source becomes its previous owner. Precondition: the caller is authenticated.
     * Rejections, in order: UNAUTHORIZED (Authorizer); NOT_FOUND; UNAUTHORIZED (the owner tried to accept);
     * TRANSFER_ALREADY_COMPLETED (the transfer is over); INVALID_REQUEST (never transferred).
     *
     * @return the certificate after the acceptance
     */
    public Either<Rejection, Certificate> accept(Principal caller, CertificateId id, boolean setAsActive) {
        return guard.authorize(caller, IotAction.ACCEPT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (current, now) -> Changes.oneChange(
                        TransferDecisions.accept(current, id, caller.account(), setAsActive, now))))
                .map(Option::get);
    }
}
