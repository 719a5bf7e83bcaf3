package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateDecisions;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** RegisterCertificateWithoutCA: the caller registers a certificate it will own, identified by its SHA-256. */
public final class RegisterCertificateWithoutCa {

    private final Guard guard;
    private final Changes changes;

    RegisterCertificateWithoutCa(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Registers the certificate in the given status ({@code INACTIVE} is AWS's default), owned by the caller.
     * Precondition: the caller is authenticated. Rejections, in order: INVALID_REQUEST (status
     * {@code PENDING_TRANSFER} or {@code PENDING_ACTIVATION}); CERTIFICATE_VALIDATION (the PEM is no X.509
     * certificate); UNAUTHORIZED (Authorizer, asked about the new certificate's ARN); ALREADY_EXISTS.
     *
     * @return the registered certificate
     */
    public Either<Rejection, Certificate> register(Principal caller, String certificatePem, CertificateStatus status) {
        return CertificateDecisions.requestable(status)
                .flatMap(requestable -> CertificatePem.parse(certificatePem))
                .flatMap(parsed -> guard.authorize(caller, IotAction.REGISTER_CERTIFICATE_WITHOUT_CA, parsed.id())
                        .flatMap(allowed -> changes.decideAndCommit(parsed.id(), (current, now) -> Changes.oneChange(
                                CertificateDecisions.register(current, parsed, caller.account(), status, now)))))
                .map(Option::get);
    }
}
