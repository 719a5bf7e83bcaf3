package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.KeyPairPem;

import java.util.Objects;

/**
 * What CreateKeysAndCertificate answers: the certificate it issued and registered, its ARN, and the key pair, whose
 * private key exists nowhere else (docs/behaviour.md#16-certificates-the-deployment-issues). {@link #toString()}
 * never prints the private key.
 *
 * @param certificate the registered certificate, owned by the caller
 * @param certificateArn its ARN
 * @param keyPair the key pair; hand the private key to the caller and forget it
 */
public record CreateKeysAndCertificateResult(
        Certificate certificate, CertificateArn certificateArn, KeyPairPem keyPair) {

    /**
     * The result.
     *
     * @param certificate the certificate
     * @param certificateArn its ARN
     * @param keyPair the key pair
     * @throws NullPointerException if a component is null
     */
    public CreateKeysAndCertificateResult {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(certificateArn, "certificateArn");
        Objects.requireNonNull(keyPair, "keyPair");
    }

    /**
     * The certificate's id.
     *
     * @return the SHA-256 of its DER
     */
    public CertificateId certificateId() {
        return certificate.id();
    }
}
