package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** A 12-digit AWS-style account id, the unit of certificate ownership. */
public record AccountId(String value) implements Actor {

    private static final int LENGTH = 12;

    public AccountId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an account id is 12 digits");
        }
    }

    /** Parses untrusted input; a malformed id is an {@link Refusal.InvalidRequest}, never an exception. */
    public static Either<Refusal, AccountId> parse(String raw) {
        return isWellFormed(raw)
                ? Either.right(new AccountId(raw))
                : Either.left(new Refusal.InvalidRequest("Invalid account id: expected 12 digits"));
    }

    private static boolean isWellFormed(String raw) {
        return raw != null && raw.length() == LENGTH && Text.isDigits(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
