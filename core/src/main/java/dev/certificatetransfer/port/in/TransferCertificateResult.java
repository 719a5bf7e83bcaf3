package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import java.util.Objects;

/** What TransferCertificate answers: the certificate pending transfer, and its ARN under the target account. */
public record TransferCertificateResult(Certificate certificate, CertificateArn transferredCertificateArn) {
    public TransferCertificateResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(transferredCertificateArn, "transferredCertificateArn");
    }
}
