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
public final class CancelCertificateTransfer {

    private final Guard guard;
    private final Changes changes;

    CancelCertificateTransfer(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Cancels the certificate's pending transfer. Precondition: the caller is authenticated. Rejections, in order:
     * UNAUTHORIZED (the Authorizer says no); NOT_FOUND (no such certificate, or the caller is neither its owner,
     * its pending target, nor a party of its last transfer); UNAUTHORIZED (the target tried to cancel);
     * TRANSFER_ALREADY_COMPLETED (the last transfer was accepted, rejected or cancelled, including by a race won
     * a moment earlier); INVALID_REQUEST (the certificate was never transferred).
     *
     * @return the certificate after the cancellation
     */
    public Either<Rejection, Certificate> cancel(Principal caller, CertificateId id) {
        return guard.authorize(caller, IotAction.CANCEL_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id,
                        (current, now) -> Changes.oneChange(TransferDecisions.cancel(current, id, caller.account(), now))))
                .map(Option::get);
    }
}
