package dev.certificatetransfer.application;

import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.TransferRules;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** CancelCertificateTransfer: the source withdraws its pending transfer; the certificate stays with it, {@code INACTIVE}. */
final class CancelCertificateTransfer {

    private final AuthorizationCheck authorization;
    private final CommitLoop changes;

    CancelCertificateTransfer(AuthorizationCheck authorization, CommitLoop changes) {
        this.authorization = authorization;
        this.changes = changes;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> cancel(Principal caller, CertificateId id) {
        return authorization.authorize(caller, IotAction.CANCEL_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> CommitLoop.oneChange(
                        TransferRules.cancel(stored.certificate(), id, caller.account(), now))))
                .map(Option::get);
    }
}
