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

    /** The certificate re-armoured canonically: one block of 64-character base64 lines. */
    public CertificatePem pem() {
        return pem;
    }

    /** The lowercase hex SHA-256 of the certificate's DER encoding (AWS's certificate id). */
    public CertificateId id() {
        return id;
    }

    public Validity validity() {
        return validity;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedCertificate p && pem.equals(p.pem);
    }

    @Override
    public int hashCode() {
        return pem.hashCode();
    }

    @Override
    public String toString() {
        return "ParsedCertificate[" + id + "]";
    }
}
