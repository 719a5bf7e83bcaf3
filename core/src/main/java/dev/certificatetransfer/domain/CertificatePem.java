package dev.certificatetransfer.domain;

import io.vavr.control.Either;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The PEM text of a registered X.509 certificate, as stored: one armoured block of 64-character base64 lines.
 *
 * @param value the PEM text
 */
public record CertificatePem(String value) {

    /** AWS's limit on {@code certificatePem}. */
    public static final int MAX_LENGTH = 65_536;

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Holds stored PEM text as it is; untrusted input goes through {@link #parse} instead.
     *
     * @param value the PEM text
     * @throws NullPointerException if it is null
     */
    public CertificatePem {
        Objects.requireNonNull(value, "value");
    }

    /** Its length only: a PEM never reaches a log through a {@code toString}. */
    @Override
    public String toString() {
        return "CertificatePem[" + value.length() + " characters]";
    }

    /**
     * Parses untrusted PEM text as RFC 7468 asks parsers to: text before the {@code BEGIN CERTIFICATE} line and
     * after the {@code END CERTIFICATE} line is ignored, whitespace and line breaks of any kind inside the block
     * are ignored, and a leading byte-order mark is tolerated. The block must hold exactly one X.509 certificate
     * in DER; the result carries its id (SHA-256 of the DER), validity, and the PEM re-armoured canonically.
     * Anything else (no block, two blocks, bad base64, bytes that are no certificate, over 65,536 characters) is
     * a {@link Refusal.CertificateValidation}; this method never throws. See docs/behaviour.md, section 6.
     *
     * @param raw the PEM text as received; any text, {@code null} included
     * @return the parsed certificate, or a {@code CERTIFICATE_VALIDATION} refusal
     */
    public static Either<Refusal, ParsedCertificate> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return invalid("certificatePem is required");
        }
        if (raw.length() > MAX_LENGTH) {
            return invalid("certificatePem must be at most " + MAX_LENGTH + " characters");
        }
        int begin = raw.indexOf(BEGIN);
        int end = begin < 0 ? -1 : raw.indexOf(END, begin + BEGIN.length());
        if (begin < 0 || end < 0) {
            return invalid("certificatePem must hold a PEM block from " + BEGIN + " to " + END);
        }
        if (raw.indexOf(BEGIN, end) >= 0) {
            return invalid("certificatePem must hold exactly one certificate");
        }
        return base64Body(raw.substring(begin + BEGIN.length(), end))
                .flatMap(CertificatePem::decode)
                .flatMap(CertificatePem::certificate);
    }

    /** The base64 text of the block with every whitespace character dropped; any other non-base64 text is refused. */
    private static Either<Refusal, String> base64Body(String body) {
        var base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (isBase64(c)) {
                base64.append(c);
            } else if (!isIgnorable(c)) {
                return invalid("certificatePem holds a character that is neither base64 nor whitespace");
            }
        }
        return base64.length() == 0
                ? invalid("the PEM block of certificatePem is empty")
                : Either.right(base64.toString());
    }

    private static Either<Refusal, byte[]> decode(String base64) {
        try {
            return Either.right(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            return invalid("The PEM block of certificatePem is not valid base64");
        }
    }

    private static Either<Refusal, ParsedCertificate> certificate(byte[] der) {
        try {
            var parsed = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            if (!(parsed instanceof X509Certificate x509) || !Arrays.equals(x509.getEncoded(), der)) {
                return invalid("certificatePem must hold exactly one DER-encoded X.509 certificate");
            }
            return Either.right(new ParsedCertificate(
                    new CertificatePem(armour(der)),
                    CertificateId.ofDer(der),
                    new Validity(
                            x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant())));
        } catch (CertificateException | RuntimeException e) {
            // The JDK's parser reports some malformed encodings with unchecked exceptions; all mean "unparsable".
            return invalid("The certificate could not be parsed");
        }
    }

    private static String armour(byte[] der) {
        var lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return BEGIN + '\n' + lines + '\n' + END + '\n';
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '=';
    }

    /** Whitespace and line breaks of any kind (ASCII, NEL, Unicode separators), and a stray byte-order mark. */
    private static boolean isIgnorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == BYTE_ORDER_MARK;
    }

    private static <T> Either<Refusal, T> invalid(String message) {
        return Either.left(new Refusal.CertificateValidation(message));
    }
}
