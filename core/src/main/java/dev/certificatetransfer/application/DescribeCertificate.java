package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.Visibility;
import io.vavr.control.Either;

/** DescribeCertificate: the owner, or the target of a pending transfer, reads a certificate. */
public final class DescribeCertificate {

    private final Guard guard;
    private final Changes changes;

    DescribeCertificate(Guard guard, Changes changes) {
        this.guard = guard;
        this.changes = changes;
    }

    /**
     * Reads the certificate. Precondition: the caller is authenticated. Rejections: UNAUTHORIZED (Authorizer);
     * NOT_FOUND (no such certificate, or the caller is neither its owner nor its pending target).
     */
    public Either<Rejection, Certificate> describe(Principal caller, CertificateId id) {
        return guard.authorize(caller, IotAction.DESCRIBE_CERTIFICATE, id)
                .flatMap(allowed -> Visibility.visibleTo(changes.find(id), id, caller.account()));
    }
}
