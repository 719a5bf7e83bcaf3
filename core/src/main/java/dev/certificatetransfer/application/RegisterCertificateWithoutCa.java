package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.rules.CertificateRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import io.vavr.control.Either;

/** RegisterCertificateWithoutCA: the caller registers a certificate it will own, identified by its SHA-256. */
final class RegisterCertificateWithoutCa {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final QuotaCheck quota;
    private final Region region;

    RegisterCertificateWithoutCa(
            AuthorizationCheck authorization, CommitLoop commitLoop, QuotaCheck quota, Region region) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.quota = quota;
        this.region = region;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, RegisterCertificateResult> register(
            Principal caller, ParsedCertificate certificate, CertificateStatus status) {
        return CertificateRules.requestable(status)
                .flatMap(requestable ->
                        authorization.authorize(caller, IotAction.REGISTER_CERTIFICATE_WITHOUT_CA, certificate.id()))
                .flatMap(allowed -> commit(caller, certificate, CertificateMode.SNI_ONLY, status));
    }

    /**
     * The registration's write, after the input and the Authorizer: the certificate registered to the caller in
     * the given mode and status, within the account's quota. CreateKeysAndCertificate and CreateCertificateFromCsr
     * register what the CA issued through it, in mode {@code DEFAULT}.
     */
    Either<Refusal, RegisterCertificateResult> commit(
            Principal caller, ParsedCertificate certificate, CertificateMode mode, CertificateStatus status) {
        return commitLoop
                .decideAndCommit(
                        certificate.id(),
                        (stored, now) -> CommitLoop.oneChange(CertificateRules.register(
                                stored.certificate(),
                                stored.nextVersion(),
                                certificate,
                                caller,
                                mode,
                                status,
                                quota.quota(),
                                quota.usageOf(caller.account()),
                                now)))
                .map(after ->
                        new RegisterCertificateResult(after.get(), after.get().arn(region)));
    }
}
