package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** The free text a target gives when it rejects a transfer, at most 128 characters (AWS). */
public record RejectReason(String value) {

    public RejectReason {
        if (!Text.fitsMessage(value)) {
            throw new IllegalArgumentException("a reject reason is at most 128 characters of valid Unicode text");
        }
    }

    /**
     * Parses untrusted input; text over 128 characters, or with a lone surrogate, is an
     * {@link Refusal.InvalidRequest}.
     */
    public static Either<Refusal, RejectReason> parse(String raw) {
        return Text.fitsMessage(raw)
                ? Either.right(new RejectReason(raw))
                : Either.left(new Refusal.InvalidRequest(
                        "rejectReason must be at most 128 characters of valid Unicode text"));
    }
}
