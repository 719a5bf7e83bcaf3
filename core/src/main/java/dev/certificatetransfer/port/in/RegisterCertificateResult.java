package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;

import java.util.Objects;

/**
 * What RegisterCertificateWithoutCA answers: the registered certificate, its id and its ARN (as AWS does).
 *
 * @param certificate the certificate as registered
 * @param certificateArn its ARN, under the caller's account
 */
public record RegisterCertificateResult(Certificate certificate, CertificateArn certificateArn) {
    /**
     * The result of a registration.
     *
     * @param certificate the certificate as registered
     * @param certificateArn its ARN, under the caller's account
     * @throws NullPointerException if either is null
     */
    public RegisterCertificateResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificateArn, "certificateArn");
    }

    /**
     * The registered certificate's id, as AWS's response carries it.
     *
     * @return the id of {@link #certificate()}
     */
    public CertificateId certificateId() {
        return certificate.id();
    }
}
