package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.rules.TransferRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** RejectCertificateTransfer: the target refuses a certificate pending transfer to it. */
final class RejectCertificateTransfer {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;

    RejectCertificateTransfer(AuthorizationCheck authorization, CommitLoop commitLoop) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> reject(Principal caller, CertificateId id, Option<RejectReason> reason) {
        return authorization
                .authorize(caller, IotAction.REJECT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) -> CommitLoop.oneChange(
                                TransferRules.reject(stored.certificate(), id, caller, reason, now))))
                .map(Option::get);
    }
}
