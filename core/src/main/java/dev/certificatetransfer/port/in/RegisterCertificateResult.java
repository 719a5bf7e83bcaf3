package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import java.util.Objects;

/** What RegisterCertificateWithoutCA answers: the registered certificate, its id and its ARN (as AWS does). */
public record RegisterCertificateResult(Certificate certificate, CertificateArn certificateArn) {
    public RegisterCertificateResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificateArn, "certificateArn");
    }

    public CertificateId certificateId() {
        return certificate.id();
    }
}
