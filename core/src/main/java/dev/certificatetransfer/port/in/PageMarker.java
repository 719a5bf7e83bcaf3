package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * An opaque pagination marker: the base64 (RFC 4648 section 4, padded: AWS's {@code Marker} pattern) of the last
 * listed certificate's key, at most 1024 characters. A marker names a position, so following markers never shows the
 * same registration twice (a certificate deleted and registered again meanwhile has a new key, and may show again).
 * See docs/behaviour.md, section 12.
 *
 * @param value the marker as callers see it: the encoding of the position, never longer than 1024 characters
 * @param creationDate the creation date of the last certificate listed before the marker
 * @param certificateId the id of the last certificate listed before the marker
 */
public record PageMarker(String value, Instant creationDate, CertificateId certificateId) {

    private static final int MAX_LENGTH = 1024;
    private static final String VERSION = "1";
    private static final Refusal MALFORMED = new Refusal.InvalidRequest("marker is not a marker this service issued");
    private static final Refusal TOO_LONG =
            new Refusal.InvalidRequest("marker must be at most " + MAX_LENGTH + " characters");

    /**
     * A marker's value is always the encoding of the position it names: build one with {@link #after} or
     * {@link #parse}.
     *
     * @param value the encoding of the position
     * @param creationDate the creation date of the last certificate listed
     * @param certificateId the id of the last certificate listed
     * @throws NullPointerException if {@code creationDate} or {@code certificateId} is null
     * @throws IllegalArgumentException if {@code value} is not the encoding of the position
     */
    public PageMarker {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(certificateId, "certificateId");
        if (!encode(creationDate, certificateId).equals(value)) {
            throw new IllegalArgumentException("a marker's value is the encoding of its position");
        }
    }

    /**
     * The marker that continues a listing after the certificate with this creation date and id.
     *
     * @param creationDate the certificate's creation date
     * @param certificateId the certificate's id
     * @return the marker naming that position
     */
    public static PageMarker after(Instant creationDate, CertificateId certificateId) {
        return new PageMarker(encode(creationDate, certificateId), creationDate, certificateId);
    }

    private static String encode(Instant creationDate, CertificateId certificateId) {
        var plain = VERSION
                + ':'
                + creationDate.getEpochSecond()
                + ':'
                + creationDate.getNano()
                + ':'
                + certificateId.value();
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Parses untrusted input; a marker over 1024 characters, or anything this service did not issue, is an
     * {@link Refusal.InvalidRequest}, never an exception. The result's value is the canonical encoding of the key
     * it names (a marker written with, say, leading zeros names the same key). See docs/behaviour.md, section 12.
     *
     * @param raw the marker as received; any text, {@code null} included
     * @return the marker, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, PageMarker> parse(String raw) {
        if (raw != null && raw.length() > MAX_LENGTH) {
            return Either.left(TOO_LONG);
        }
        if (raw == null || raw.isEmpty() || raw.length() % 4 != 0 || !isPaddedBase64(raw)) {
            return Either.left(MALFORMED);
        }
        var parts = new String(Base64.getDecoder().decode(raw), StandardCharsets.US_ASCII).split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !isSignedNumber(parts[1]) || !isNumber(parts[2], 9)) {
            return Either.left(MALFORMED);
        }
        long seconds = Long.parseLong(parts[1]);
        int nanos = Integer.parseInt(parts[2]);
        if (seconds > Instant.MAX.getEpochSecond() || seconds < Instant.MIN.getEpochSecond() || nanos > 999_999_999) {
            return Either.left(MALFORMED);
        }
        return CertificateId.parse(parts[3])
                .mapLeft(invalid -> MALFORMED)
                .map(id -> after(Instant.ofEpochSecond(seconds, nanos), id));
    }

    /** Base64 characters, with at most two {@code =} and only at the end (length a multiple of 4 is checked apart). */
    private static boolean isPaddedBase64(String s) {
        int padding = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        for (int i = 0; i < s.length() - padding; i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Epoch seconds: before 1970 they are negative. */
    private static boolean isSignedNumber(String s) {
        return isNumber(s.startsWith("-") ? s.substring(1) : s, 19);
    }

    private static boolean isNumber(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return s.length() < 19 || s.compareTo("9223372036854775807") <= 0;
    }

    /** The marker's {@link #value()}, as callers see it. */
    @Override
    public String toString() {
        return value;
    }
}
