package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import java.util.Objects;

/** What TransferCertificate answers: the certificate pending transfer, and its ARN under the target account. */
public record Transferred(Certificate certificate, CertificateArn transferredCertificateArn) {
    public Transferred {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(transferredCertificateArn, "transferredCertificateArn");
    }
}
