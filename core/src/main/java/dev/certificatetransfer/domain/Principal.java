package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * An authenticated caller: the account it acts for, and its name in the host's identity system
 * (an IAM user ARN, an access key, a tenant user; whatever the Authorizer understands). Only the host's
 * authentication makes one: a principal is a caller who passed it. As an {@link Actor}, it is who made a change,
 * and every event of a call names it (docs/behaviour.md, section 9).
 *
 * @param account the account the caller acts for
 * @param name the caller's name in the host's identity system, non-blank, at most 2048 characters, well-formed
 *     Unicode (no lone surrogate, which could not be stored or sent)
 */
public record Principal(AccountId account, String name) implements Actor {

    private static final int MAX_NAME_LENGTH = 2048;

    /**
     * An authenticated caller.
     *
     * @param account the account the caller acts for
     * @param name the caller's name in the host's identity system
     * @throws NullPointerException if {@code account} is null
     * @throws IllegalArgumentException if {@code name} is null, blank, over 2048 characters or holds a lone
     *     surrogate
     */
    public Principal {
        Objects.requireNonNull(account, "account");
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || !Text.isWellFormedUnicode(name)) {
            throw new IllegalArgumentException(
                    "a principal has a non-blank name of at most 2048 characters of well-formed Unicode");
        }
    }

    /**
     * The account's root principal, named as IAM names it.
     *
     * @param account the account
     * @return the principal named {@code arn:aws:iam::{account}:root}
     */
    public static Principal root(AccountId account) {
        return new Principal(account, "arn:aws:iam::" + account.value() + ":root");
    }

    /**
     * The name, with its line breaks, control and other invisible characters escaped (a backslash and {@code n}, or
     * {@code u} and four hex digits), for a log line: a name from the host's identity system cannot forge or hide
     * one.
     *
     * @return the name, escaped
     */
    public String printableName() {
        return Text.escaped(name);
    }

    /** The account and the {@linkplain #printableName() printable name}. */
    @Override
    public String toString() {
        return "Principal[account=" + account + ", name=" + printableName() + "]";
    }
}
