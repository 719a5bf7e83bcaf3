package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/**
 * The AWS-style region one deployment serves, such as {@code us-east-1}; it appears in every ARN.
 *
 * @param value lowercase ASCII letters, digits and inner hyphens, at most 32 characters
 */
public record Region(String value) {

    /** The default region (docs/behaviour.md, section 1). */
    public static final Region US_EAST_1 = new Region("us-east-1");

    private static final int MAX_LENGTH = 32;

    /**
     * A region.
     *
     * @param value lowercase ASCII letters, digits and inner hyphens, at most 32 characters
     * @throws IllegalArgumentException if it is anything else, {@code null} included
     */
    public Region {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !isRegionText(value)) {
            throw new IllegalArgumentException("a region is lowercase letters, digits and hyphens, such as us-east-1");
        }
    }

    /**
     * Input rule for a region a caller named (inside an ARN).
     *
     * @param raw the region as sent, possibly null
     * @return the region; or INVALID_REQUEST
     */
    public static Either<Refusal, Region> parse(String raw) {
        return raw != null && !raw.isEmpty() && raw.length() <= MAX_LENGTH && isRegionText(raw)
                ? Either.right(new Region(raw))
                : Either.left(new Refusal.InvalidRequest("Not a region: lowercase letters, digits and hyphens"));
    }

    private static boolean isRegionText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-') {
                return false;
            }
        }
        return s.charAt(0) != '-' && s.charAt(s.length() - 1) != '-';
    }

    /** The region's name, e.g. {@code us-east-1}. */
    @Override
    public String toString() {
        return value;
    }
}
