package dev.certificatetransfer.domain;

import io.vavr.control.Either;

import java.util.regex.Pattern;

/**
 * A thing's name: 1 to 128 of {@code a-z A-Z 0-9 : _ -}, unique within its account
 * (docs/behaviour.md#17-things-policies-and-attachments). Names compare as Java strings.
 *
 * @param value the name
 */
public record ThingName(String value) implements Comparable<ThingName> {

    private static final Pattern SHAPE = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");

    /**
     * A name of the right shape.
     *
     * @param value the name
     * @throws IllegalArgumentException if it is not 1 to 128 of the allowed characters; {@link #parse} refuses instead
     */
    public ThingName {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a thing name is 1 to 128 of a-z A-Z 0-9 : _ -");
        }
    }

    /**
     * Input rule for a name a caller sent.
     *
     * @param raw the name as sent, possibly null
     * @return the name; or INVALID_REQUEST
     */
    public static Either<Refusal, ThingName> parse(String raw) {
        return raw != null && SHAPE.matcher(raw).matches()
                ? Either.right(new ThingName(raw))
                : Either.left(new Refusal.InvalidRequest("thingName must be 1 to 128 of a-z A-Z 0-9 : _ -"));
    }

    @Override
    public int compareTo(ThingName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
