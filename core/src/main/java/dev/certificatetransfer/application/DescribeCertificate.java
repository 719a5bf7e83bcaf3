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
    private final Changes changes;

    DescribeCertificate(Guard guard, CertificateRepository repository, Views views, Changes changes) {
        this.guard = guard;
        this.repository = repository;
        this.views = views;
        this.changes = changes;
    }

    /**
     * Rules and rejections: {@link CertificateTransfers}. A describe that finds the transfer expired records the
     * expiry (its one TransferExpired, by compare-and-set) before it answers, so what it showed is final: a call
     * decided on the pending transfer before the expiry can no longer commit after it.
     */
    Either<Rejection, Certificate> describe(Principal caller, CertificateId id) {
        return guard.authorize(caller, IotAction.DESCRIBE_CERTIFICATE, id)
                .flatMap(allowed -> Visibility.visibleTo(views.seen(found(id)), id, caller.account()));
    }

    private io.vavr.control.Option<Certificate> found(CertificateId id) {
        var certificate = repository.find(id).certificate();
        if (views.expiry().ttl().isEmpty()
                || certificate.flatMap(c -> views.expiry().expiredAt(c, views.now())).isEmpty()) {
            return certificate;
        }
        changes.expire(id);
        return repository.find(id).certificate();
    }
}
