package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/**
 * The free text a target gives when it rejects a transfer, at most 128 characters (AWS; docs/behaviour.md,
 * section 6).
 *
 * @param value at most 128 code points of well-formed Unicode; may be empty
 */
public record RejectReason(String value) {

    /**
     * A reject reason from a trusted value; untrusted input goes through {@link #parse}.
     *
     * @param value at most 128 code points of well-formed Unicode
     * @throws IllegalArgumentException if it is longer, holds a lone surrogate, or is {@code null}
     */
    public RejectReason {
        if (!Text.fitsMessage(value)) {
            throw new IllegalArgumentException("a reject reason is at most 128 characters of valid Unicode text");
        }
    }

    /**
     * Parses untrusted input; text over 128 characters, or with a lone surrogate, is an
     * {@link Refusal.InvalidRequest}, never an exception.
     *
     * @param raw the reason as received; any text ({@code null} is refused: no reason is {@code Option.none()})
     * @return the reason, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, RejectReason> parse(String raw) {
        return Text.fitsMessage(raw)
                ? Either.right(new RejectReason(raw))
                : Either.left(new Refusal.InvalidRequest(
                        "rejectReason must be at most 128 characters of valid Unicode text"));
    }

    /** Its length only: the text is the customer's, and never reaches a log through a {@code toString}. */
    @Override
    public String toString() {
        return "RejectReason[" + value.codePointCount(0, value.length()) + " characters]";
    }
}
