package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.CertificateRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.out.CertificateIssuer;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * CreateKeysAndCertificate and CreateCertificateFromCsr: the deployment's CA issues, then the certificate is
 * registered like RegisterCertificateWithoutCA's, in mode {@code DEFAULT}. One class for both: they share every step
 * but what the CA is asked.
 */
final class IssueCertificate {

    private static final Refusal NO_CA = new Refusal.InvalidRequest(
            "This deployment issues no certificates: it was built without a CertificateIssuer");

    private final AuthorizationCheck authorization;
    private final RegisterCertificateWithoutCa registration;
    private final QuotaCheck quota;
    private final Option<CertificateIssuer> issuer;

    IssueCertificate(
            AuthorizationCheck authorization,
            RegisterCertificateWithoutCa registration,
            QuotaCheck quota,
            Option<CertificateIssuer> issuer) {
        this.authorization = authorization;
        this.registration = registration;
        this.quota = quota;
        this.issuer = issuer;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, CreateKeysAndCertificateResult> createKeysAndCertificate(Principal caller, boolean setAsActive) {
        return authorization
                .authorize(caller, IotAction.CREATE_KEYS_AND_CERTIFICATE)
                .flatMap(allowed -> issuer.toEither(NO_CA))
                .flatMap(ca -> CertificateRules.roomToIssue(quota.quota(), quota.usageOf(caller.account()))
                        .map(room -> ca))
                .flatMap(ca -> {
                    var issued = ca.issueWithNewKeys();
                    return issuedCertificate(issued.certificatePem())
                            .flatMap(parsed -> register(caller, parsed, setAsActive))
                            .map(r -> new CreateKeysAndCertificateResult(
                                    r.certificate(), r.certificateArn(), issued.keyPair()));
                });
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, RegisterCertificateResult> createCertificateFromCsr(
            Principal caller, String csrPem, boolean setAsActive) {
        return authorization
                .authorize(caller, IotAction.CREATE_CERTIFICATE_FROM_CSR)
                .flatMap(allowed -> issuer.toEither(NO_CA))
                .flatMap(ca -> ca.issueFromCsr(csrPem).mapLeft(why -> (Refusal) new Refusal.InvalidRequest(why)))
                .flatMap(IssueCertificate::issuedCertificate)
                .flatMap(parsed -> register(caller, parsed, setAsActive));
    }

    private Either<Refusal, RegisterCertificateResult> register(
            Principal caller, ParsedCertificate certificate, boolean setAsActive) {
        var status = setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
        return registration.commit(caller, certificate, CertificateMode.DEFAULT, status);
    }

    /** What the CA issued, read like any certificate; a CA that issues what core cannot read is a bug. */
    private static Either<Refusal, ParsedCertificate> issuedCertificate(String pem) {
        var parsed = CertificatePem.parse(pem);
        if (parsed.isLeft()) {
            throw new IllegalStateException("the CertificateIssuer issued a certificate core cannot read: "
                    + parsed.getLeft().message());
        }
        return Either.right(parsed.get());
    }
}
