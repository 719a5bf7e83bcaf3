package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.KeyPairPem;
import io.vavr.control.Either;

import java.util.Objects;

/**
 * The deployment's certificate authority: issues the certificates of CreateKeysAndCertificate and
 * CreateCertificateFromCsr (docs/behaviour.md#16-certificates-the-deployment-issues). The service registers what it
 * issues like any other certificate; it never stores or logs a private key. Implementations are thread-safe.
 */
public interface CertificateIssuer {

    /**
     * A new RSA 2048 key pair and a certificate for its public key, signed by the deployment's CA.
     *
     * @return the certificate and the key pair; the private key exists nowhere else
     */
    IssuedKeysAndCertificate issueWithNewKeys();

    /**
     * A certificate for the public key of a PKCS#10 request, signed by the deployment's CA.
     *
     * @param csrPem the request as the caller sent it (PEM)
     * @return the certificate's PEM; or, on the left, why the request is refused (not PEM, not a CSR, a signature
     *     that does not verify, a key the CA does not sign), a message for the caller that quotes no key material
     */
    Either<String, String> issueFromCsr(String csrPem);

    /**
     * The CA's own certificate, for operators to export (devices under test trust it).
     *
     * @return its PEM
     */
    String authorityCertificatePem();

    /**
     * What {@link #issueWithNewKeys()} issued.
     *
     * @param certificatePem the certificate's PEM
     * @param keyPair the key pair whose public key it certifies
     */
    record IssuedKeysAndCertificate(String certificatePem, KeyPairPem keyPair) {

        /**
         * Checks both are present.
         *
         * @param certificatePem the certificate's PEM
         * @param keyPair the key pair
         * @throws NullPointerException if either is null
         */
        public IssuedKeysAndCertificate {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(keyPair, "keyPair");
        }
    }
}
