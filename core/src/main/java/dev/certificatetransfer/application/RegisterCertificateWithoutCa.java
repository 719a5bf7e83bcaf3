package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateDecisions;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Rejection;
import io.vavr.control.Either;

/** RegisterCertificateWithoutCA: the caller registers a certificate it will own, identified by its SHA-256. */
final class RegisterCertificateWithoutCa {

    private final Guard guard;
    private final Changes changes;
    private final Region region;

    RegisterCertificateWithoutCa(Guard guard, Changes changes, Region region) {
        this.guard = guard;
        this.changes = changes;
        this.region = region;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Registered> register(Principal caller, ParsedCertificate certificate, CertificateStatus status) {
        return CertificateDecisions.requestable(status)
                .flatMap(requestable -> guard.authorize(caller, IotAction.REGISTER_CERTIFICATE_WITHOUT_CA, certificate.id()))
                .flatMap(allowed -> changes.decideAndCommit(certificate.id(), (stored, now) -> Changes.oneChange(
                        CertificateDecisions.register(stored, certificate, caller.account(), status, now))))
                .map(after -> new Registered(after.get(), after.get().arn(region)));
    }
}
