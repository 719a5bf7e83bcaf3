package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import java.util.Objects;

/** What RegisterCertificateWithoutCA answers: the registered certificate, its id and its ARN (as AWS does). */
public record Registered(Certificate certificate, CertificateArn certificateArn) {
    public Registered {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificateArn, "certificateArn");
    }

    public CertificateId certificateId() {
        return certificate.id();
    }
}
