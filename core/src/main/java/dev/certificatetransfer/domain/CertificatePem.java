package dev.certificatetransfer.domain;

import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The PEM text of an X.509 certificate, as registered. */
public record CertificatePem(String value) {

    /** AWS's limit on {@code certificatePem}. */
    public static final int MAX_LENGTH = 65_536;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    public CertificatePem {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses untrusted PEM text with the JDK's {@link CertificateFactory}: the result carries the certificate's
     * id (SHA-256 of its DER encoding) and validity. Text that is no single X.509 certificate in PEM is a
     * {@link Rejection.CertificateValidation}, never an exception.
     */
    public static Either<Rejection, ParsedCertificate> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return invalid("certificatePem is required");
        }
        if (raw.length() > MAX_LENGTH) {
            return invalid("certificatePem must be at most " + MAX_LENGTH + " characters");
        }
        if (!raw.strip().startsWith(BEGIN)) {
            return invalid("certificatePem must be a PEM-encoded X.509 certificate");
        }
        return decode(raw);
    }

    private static Either<Rejection, ParsedCertificate> decode(String raw) {
        try {
            var factory = CertificateFactory.getInstance("X.509");
            var certificates = factory.generateCertificates(new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.size() != 1 || !(certificates.iterator().next() instanceof X509Certificate x509)) {
                return invalid("certificatePem must hold exactly one X.509 certificate");
            }
            return Either.right(new ParsedCertificate(new CertificatePem(raw), CertificateId.ofDer(x509.getEncoded()),
                    new Validity(x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant())));
        } catch (CertificateEncodingException e) {
            return invalid("The certificate could not be encoded: " + e.getMessage());
        } catch (CertificateException | RuntimeException e) {
            // The JDK's parser reports some malformed encodings with unchecked exceptions; all mean "unparsable".
            return invalid("The certificate could not be parsed");
        }
    }

    private static Either<Rejection, ParsedCertificate> invalid(String message) {
        return Either.left(new Rejection.CertificateValidation(message));
    }

    /** A PEM that parsed as one X.509 certificate, with what the domain reads from it. */
    public record ParsedCertificate(CertificatePem pem, CertificateId id, Validity validity) {
        public ParsedCertificate {
            Objects.requireNonNull(pem, "pem");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(validity, "validity");
        }
    }
}
