package dev.certificatetransfer.domain;

import io.vavr.control.Either;

import java.util.regex.Pattern;

/**
 * An IAM-style policy's name: 1 to 128 of {@code a-z A-Z 0-9 _ + = , . @ -}, unique within its account
 * (docs/behaviour.md#17-things-policies-and-attachments). Names compare as Java strings.
 *
 * @param value the name
 */
public record PolicyName(String value) implements Comparable<PolicyName> {

    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9_+=,.@-]{1,128}");

    /**
     * A name of the right shape.
     *
     * @param value the name
     * @throws IllegalArgumentException if it is not 1 to 128 of the allowed characters; {@link #parse} refuses instead
     */
    public PolicyName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a policy name is 1 to 128 of a-z A-Z 0-9 _ + = , . @ -");
        }
    }

    /**
     * Input rule for a name a caller sent.
     *
     * @param raw the name as sent, possibly null
     * @return the name; or INVALID_REQUEST
     */
    public static Either<Refusal, PolicyName> parse(String raw) {
        return raw != null && SHAPE.matcher(raw).matches()
                ? Either.right(new PolicyName(raw))
                : Either.left(new Refusal.InvalidRequest("policyName must be 1 to 128 of a-z A-Z 0-9 _ + = , . @ -"));
    }

    @Override
    public int compareTo(PolicyName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
