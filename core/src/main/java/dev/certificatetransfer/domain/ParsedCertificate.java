package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * A certificate PEM that parsed as exactly one X.509 certificate, with what the domain reads from it: the typed
 * input of RegisterCertificateWithoutCA. Only {@link CertificatePem#parse} makes one, so its id always is the
 * SHA-256 of its DER encoding.
 */
public final class ParsedCertificate {

    private final CertificatePem pem;
    private final CertificateId id;
    private final Validity validity;

    ParsedCertificate(CertificatePem pem, CertificateId id, Validity validity) {
        this.pem = Objects.requireNonNull(pem, "pem");
        this.id = Objects.requireNonNull(id, "id");
        this.validity = Objects.requireNonNull(validity, "validity");
    }

    /**
     * The certificate re-armoured canonically: one block of 64-character base64 lines.
     *
     * @return the canonical PEM, what is stored and returned
     */
    public CertificatePem pem() {
        return pem;
    }

    /**
     * The certificate's id.
     *
     * @return the lowercase hex SHA-256 of the certificate's DER encoding (AWS's certificate id)
     */
    public CertificateId id() {
        return id;
    }

    /**
     * The certificate's validity period.
     *
     * @return its notBefore and notAfter dates, read from the certificate
     */
    public Validity validity() {
        return validity;
    }

    /** Equal when the canonical PEM is, so when the certificate is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedCertificate p && pem.equals(p.pem);
    }

    @Override
    public int hashCode() {
        return pem.hashCode();
    }

    /** The id only: a PEM never reaches a log through a {@code toString}. */
    @Override
    public String toString() {
        return "ParsedCertificate[" + id + "]";
    }
}
