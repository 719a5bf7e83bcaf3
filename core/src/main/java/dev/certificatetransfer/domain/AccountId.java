package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/**
 * A 12-digit AWS-style account id, the unit of certificate ownership (docs/behaviour.md, section 6).
 *
 * @param value exactly 12 ASCII digits
 */
public record AccountId(String value) implements Actor {

    private static final int LENGTH = 12;

    /**
     * An account id from a trusted value; untrusted input goes through {@link #parse}.
     *
     * @param value exactly 12 ASCII digits
     * @throws IllegalArgumentException if it is anything else, {@code null} included
     */
    public AccountId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an account id is 12 digits");
        }
    }

    /**
     * Parses untrusted input; a malformed id is an {@link Refusal.InvalidRequest}, never an exception.
     *
     * @param raw the id as received; any text, {@code null} included
     * @return the account id, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, AccountId> parse(String raw) {
        return isWellFormed(raw)
                ? Either.right(new AccountId(raw))
                : Either.left(new Refusal.InvalidRequest("Invalid account id: expected 12 digits"));
    }

    private static boolean isWellFormed(String raw) {
        return raw != null && raw.length() == LENGTH && Text.isDigits(raw);
    }

    /** The twelve digits. */
    @Override
    public String toString() {
        return value;
    }
}
