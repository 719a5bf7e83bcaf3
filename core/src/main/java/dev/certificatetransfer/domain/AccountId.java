package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/**
 * An account, the unit of certificate ownership: the host's account or tenant id, such as an AWS account's twelve
 * digits or a tenant's slug (docs/behaviour.md, section 6).
 *
 * @param value 1 to 64 ASCII letters, digits, {@code .}, {@code _} and {@code -}
 */
public record AccountId(String value) {

    /** The longest account id: 64 characters. */
    public static final int MAX_LENGTH = 64;

    private static final int AWS_LENGTH = 12;

    /**
     * An account id from a trusted value; untrusted input goes through {@link #parse}.
     *
     * @param value 1 to 64 ASCII letters, digits, {@code .}, {@code _} and {@code -}
     * @throws IllegalArgumentException if it is anything else, {@code null} included
     */
    public AccountId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an account id is 1 to 64 ASCII letters, digits, '.', '_' and '-'");
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
                : Either.left(new Refusal.InvalidRequest(
                        "Invalid account id: expected 1 to 64 ASCII letters, digits, '.', '_' and '-'"));
    }

    /**
     * Whether this id is written as AWS writes account ids, exactly 12 ASCII digits: the only form the AWS dialect
     * of the HTTP adapter reads or writes (docs/behaviour.md, section 13).
     *
     * @return {@code true} for exactly 12 ASCII digits
     */
    public boolean isAwsAccountId() {
        return value.length() == AWS_LENGTH && Text.isDigits(value);
    }

    private static boolean isWellFormed(String raw) {
        return raw != null && !raw.isEmpty() && raw.length() <= MAX_LENGTH && Text.isAccountCharacters(raw);
    }

    /** The id itself. */
    @Override
    public String toString() {
        return value;
    }
}
