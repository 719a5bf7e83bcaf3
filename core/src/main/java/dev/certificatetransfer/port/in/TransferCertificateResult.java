package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;

import java.util.Objects;

/**
 * What TransferCertificate answers: the certificate pending transfer, and its ARN under the target account.
 *
 * @param certificate the certificate after the change, {@code PENDING_TRANSFER} and still the source's
 * @param transferredCertificateArn its ARN under the target account, as AWS's response carries it
 */
public record TransferCertificateResult(Certificate certificate, CertificateArn transferredCertificateArn) {
    /**
     * The result of a transfer.
     *
     * @param certificate the certificate after the change
     * @param transferredCertificateArn its ARN under the target account
     * @throws NullPointerException if either is null
     */
    public TransferCertificateResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(transferredCertificateArn, "transferredCertificateArn");
    }
}
