package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.CertificateRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** UpdateCertificate: the owner changes a certificate's status. */
final class UpdateCertificate {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;

    UpdateCertificate(AuthorizationCheck authorization, CommitLoop commitLoop) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> update(Principal caller, CertificateId id, CertificateStatus newStatus) {
        return CertificateRules.requestable(newStatus)
                .flatMap(status -> authorization.authorize(caller, IotAction.UPDATE_CERTIFICATE, id))
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) -> CertificateRules.update(stored.certificate(), id, caller, newStatus, now)
                                .map(Option::narrow)))
                .map(Option::get);
    }
}
