package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.CertificateRules;
import dev.certificatetransfer.domain.rules.TransferRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateRepository;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** DescribeCertificate: the owner, or the target of a pending transfer, reads a certificate. */
final class DescribeCertificate {

    private final AuthorizationCheck authorization;
    private final CertificateRepository repository;
    private final ExpiryView expiryView;
    private final CommitLoop commitLoop;

    DescribeCertificate(
            AuthorizationCheck authorization,
            CertificateRepository repository,
            ExpiryView expiryView,
            CommitLoop commitLoop) {
        this.authorization = authorization;
        this.repository = repository;
        this.expiryView = expiryView;
        this.commitLoop = commitLoop;
    }

    /**
     * Rules and refusals: {@link CertificateTransferUseCases}. A describe that finds the transfer expired records the
     * expiry (its one TransferExpired, by compare-and-set) before it answers, so what it showed is final: a call
     * decided on the pending transfer before the expiry can no longer commit after it.
     */
    Either<Refusal, Certificate> describe(Principal caller, CertificateId id) {
        return authorization
                .authorize(caller, IotAction.DESCRIBE_CERTIFICATE, id)
                .flatMap(allowed -> CertificateRules.describe(expiryView.seen(found(id)), id, caller.account()));
    }

    private Option<Certificate> found(CertificateId id) {
        var certificate = repository.find(id).certificate();
        if (expiryView.expiry().ttl().isEmpty()
                || certificate
                        .flatMap(c -> TransferRules.expire(expiryView.expiry(), c, expiryView.now()))
                        .isEmpty()) {
            return certificate;
        }
        commitLoop.expire(id);
        return repository.find(id).certificate();
    }
}
