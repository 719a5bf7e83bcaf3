package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** The free text a source attaches to a transfer, at most 128 characters (AWS). */
public record TransferMessage(String value) {

    public TransferMessage {
        if (!Text.fitsMessage(value)) {
            throw new IllegalArgumentException("a transfer message is at most 128 characters of valid Unicode text");
        }
    }

    /**
     * Parses untrusted input; text over 128 characters, or with a lone surrogate, is an
     * {@link Refusal.InvalidRequest}.
     */
    public static Either<Refusal, TransferMessage> parse(String raw) {
        return Text.fitsMessage(raw)
                ? Either.right(new TransferMessage(raw))
                : Either.left(new Refusal.InvalidRequest(
                        "transferMessage must be at most 128 characters of valid Unicode text"));
    }
}
