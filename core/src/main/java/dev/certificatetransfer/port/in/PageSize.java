package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;

/**
 * How many certificates one page holds: 1 to 250, 25 when not given (AWS; docs/behaviour.md, section 6).
 *
 * @param value the number of certificates, 1 to {@link #MAX}
 */
public record PageSize(int value) {

    /** The largest page: 250 certificates. */
    public static final int MAX = 250;
    /** The page size when none is given: 25. */
    public static final PageSize DEFAULT = new PageSize(25);

    /**
     * A page size from a trusted value; untrusted input goes through {@link #parse(int)} or {@link #parse(String)}.
     *
     * @param value the number of certificates, 1 to {@link #MAX}
     * @throws IllegalArgumentException if it is outside 1 to 250
     */
    public PageSize {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException("a page holds 1 to 250 certificates");
        }
    }

    private static final Refusal OUT_OF_RANGE = new Refusal.InvalidRequest("pageSize must be between 1 and " + MAX);

    /**
     * Parses untrusted input; a size outside 1..250 is an {@link Refusal.InvalidRequest}, never an exception.
     *
     * @param raw the size as received
     * @return the page size, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, PageSize> parse(int raw) {
        return raw >= 1 && raw <= MAX ? Either.right(new PageSize(raw)) : Either.left(OUT_OF_RANGE);
    }

    /**
     * Parses untrusted text, such as a query parameter: ASCII decimal digits only (no sign, no other script's
     * digits; leading zeros allowed), 1 to 250; anything else is an {@link Refusal.InvalidRequest}, never an
     * exception.
     *
     * @param raw the size as received; any text, {@code null} included
     * @return the page size, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, PageSize> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(OUT_OF_RANGE);
        }
        int start = 0;
        while (start < raw.length() - 1 && raw.charAt(start) == '0') {
            start++;
        }
        if (raw.length() - start > 3) {
            return Either.left(OUT_OF_RANGE);
        }
        int value = 0;
        for (int i = start; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return Either.left(OUT_OF_RANGE);
            }
            value = value * 10 + (c - '0');
        }
        return parse(value);
    }
}
