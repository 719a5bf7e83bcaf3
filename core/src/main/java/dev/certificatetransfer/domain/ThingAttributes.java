package dev.certificatetransfer.domain;

import io.vavr.collection.SortedMap;
import io.vavr.collection.TreeMap;
import io.vavr.control.Either;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A thing's attributes: at most {@value #MAX_ATTRIBUTES} names, each 1 to 128 of {@code a-z A-Z 0-9 _ . , @ / : # -},
 * with values of at most 800 of those characters and {@code = [ ]}
 * (docs/behaviour.md#17-things-policies-and-attachments).
 *
 * @param values the attributes, by name
 */
public record ThingAttributes(SortedMap<String, String> values) {

    /** The most attributes a thing has (ours). */
    public static final int MAX_ATTRIBUTES = 50;

    /** No attributes. */
    public static final ThingAttributes NONE = new ThingAttributes(TreeMap.empty());

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.,@/:#-]{1,128}");
    private static final Pattern VALUE = Pattern.compile("[a-zA-Z0-9_.,@/:#=\\[\\]-]{0,800}");

    /**
     * Attributes already checked; {@link #parse} checks those a caller sent.
     *
     * @param values the attributes, by name
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if a name or value has the wrong shape, or there are too many
     */
    public ThingAttributes {
        Objects.requireNonNull(values, "values");
        if (problem(values.toJavaMap()) != null) {
            throw new IllegalArgumentException(problem(values.toJavaMap()));
        }
    }

    /**
     * Input rule for the attributes a caller sent.
     *
     * @param raw the attributes by name, possibly null (none)
     * @return the attributes; or INVALID_REQUEST naming the problem
     */
    public static Either<Refusal, ThingAttributes> parse(Map<String, String> raw) {
        if (raw == null) {
            return Either.right(NONE);
        }
        var problem = problem(raw);
        return problem == null
                ? Either.right(new ThingAttributes(TreeMap.ofAll(raw)))
                : Either.left(new Refusal.InvalidRequest(problem));
    }

    private static String problem(Map<String, String> values) {
        if (values.size() > MAX_ATTRIBUTES) {
            return "A thing has at most " + MAX_ATTRIBUTES + " attributes";
        }
        for (var e : values.entrySet()) {
            if (e.getKey() == null || !NAME.matcher(e.getKey()).matches()) {
                return "An attribute name is 1 to 128 of a-z A-Z 0-9 _ . , @ / : # -";
            }
            if (e.getValue() == null || !VALUE.matcher(e.getValue()).matches()) {
                return "An attribute value is at most 800 of a-z A-Z 0-9 _ . , @ / : # = [ ] -";
            }
        }
        return null;
    }
}
