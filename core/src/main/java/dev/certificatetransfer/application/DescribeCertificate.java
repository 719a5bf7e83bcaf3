package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.Visibility;
import dev.certificatetransfer.port.CertificateRepository;
import io.vavr.control.Either;

/** DescribeCertificate: the owner, or the target of a pending transfer, reads a certificate. */
final class DescribeCertificate {

    private final Guard guard;
    private final CertificateRepository repository;
    private final Views views;

    DescribeCertificate(Guard guard, CertificateRepository repository, Views views) {
        this.guard = guard;
        this.repository = repository;
        this.views = views;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Certificate> describe(Principal caller, CertificateId id) {
        return guard.authorize(caller, IotAction.DESCRIBE_CERTIFICATE, id)
                .flatMap(allowed -> Visibility.visibleTo(views.seen(repository.find(id).certificate()), id,
                        caller.account()));
    }
}
