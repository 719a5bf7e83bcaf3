package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/**
 * The free text a source attaches to a transfer, at most 128 characters (AWS; docs/behaviour.md, section 6).
 *
 * @param value at most 128 code points of well-formed Unicode; may be empty
 */
public record TransferMessage(String value) {

    /**
     * A transfer message from a trusted value; untrusted input goes through {@link #parse}.
     *
     * @param value at most 128 code points of well-formed Unicode
     * @throws IllegalArgumentException if it is longer, holds a lone surrogate, or is {@code null}
     */
    public TransferMessage {
        if (!Text.fitsMessage(value)) {
            throw new IllegalArgumentException("a transfer message is at most 128 characters of valid Unicode text");
        }
    }

    /**
     * Parses untrusted input; text over 128 characters, or with a lone surrogate, is an
     * {@link Refusal.InvalidRequest}, never an exception.
     *
     * @param raw the message as received; any text ({@code null} is refused: no message is {@code Option.none()})
     * @return the message, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, TransferMessage> parse(String raw) {
        return Text.fitsMessage(raw)
                ? Either.right(new TransferMessage(raw))
                : Either.left(new Refusal.InvalidRequest(
                        "transferMessage must be at most 128 characters of valid Unicode text"));
    }

    /** Its length only: the text is the customer's, and never reaches a log through a {@code toString}. */
    @Override
    public String toString() {
        return "TransferMessage[" + value.codePointCount(0, value.length()) + " characters]";
    }
}
