package dev.certificatetransfer.domain;

import io.vavr.control.Either;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's id: the lowercase hex SHA-256 of its DER encoding (AWS), 64 characters (docs/behaviour.md,
 * section 6).
 *
 * @param value 64 lowercase hex characters
 */
public record CertificateId(String value) {

    private static final int LENGTH = 64;

    /**
     * A certificate id from a trusted value; untrusted input goes through {@link #parse}.
     *
     * @param value 64 lowercase hex characters
     * @throws IllegalArgumentException if it is anything else, {@code null} and upper case included
     */
    public CertificateId {
        if (value == null || value.length() != LENGTH || !Text.isLowerCaseHex(value)) {
            throw new IllegalArgumentException("a certificate id is 64 lowercase hex characters");
        }
    }

    /**
     * Parses untrusted input case-insensitively; anything but 64 ASCII hex characters is an
     * {@link Refusal.InvalidRequest}, never an exception.
     *
     * @param raw the id as received; any text, {@code null} included
     * @return the id, in lower case, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, CertificateId> parse(String raw) {
        if (raw == null || raw.length() != LENGTH || !Text.isHex(raw)) {
            return Either.left(
                    new Refusal.InvalidRequest("Invalid certificate id: expected 64 hexadecimal characters"));
        }
        return Either.right(new CertificateId(raw.toLowerCase(Locale.ROOT)));
    }

    /**
     * The id of the certificate whose DER encoding is given.
     *
     * @param der the certificate's DER bytes (not checked to be a certificate)
     * @return the lowercase hex SHA-256 of the bytes
     */
    public static CertificateId ofDer(byte[] der) {
        try {
            return new CertificateId(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform ships SHA-256", e);
        }
    }

    /** The 64 hex characters. */
    @Override
    public String toString() {
        return value;
    }
}
