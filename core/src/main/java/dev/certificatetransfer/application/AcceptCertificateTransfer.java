package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.TransferRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** AcceptCertificateTransfer: the target takes ownership of a certificate pending transfer to it. */
final class AcceptCertificateTransfer {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final QuotaCheck quota;

    AcceptCertificateTransfer(AuthorizationCheck authorization, CommitLoop commitLoop, QuotaCheck quota) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.quota = quota;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> accept(Principal caller, CertificateId id, boolean setAsActive) {
        return authorization
                .authorize(caller, IotAction.ACCEPT_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) -> CommitLoop.oneChange(TransferRules.accept(
                                stored.certificate(),
                                id,
                                caller,
                                setAsActive,
                                quota.quota(),
                                quota.usageOf(caller.account()),
                                now))))
                .map(Option::get);
    }
}
