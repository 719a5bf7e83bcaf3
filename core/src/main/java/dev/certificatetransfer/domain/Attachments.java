package dev.certificatetransfer.domain;

/**
 * How many policies and things are attached to a certificate, as the service's registry or a host's attachment query
 * reports (docs/behaviour.md, section 11).
 *
 * @param policies how many policies are attached, at least 0
 * @param things how many things are attached, at least 0
 */
public record Attachments(int policies, int things) {

    /** Nothing attached: the default when the host keeps no attachments. */
    public static final Attachments NONE = new Attachments(0, 0);

    /**
     * Attachment counts.
     *
     * @param policies how many policies are attached
     * @param things how many things are attached
     * @throws IllegalArgumentException if either is negative
     */
    public Attachments {
        if (policies < 0 || things < 0) {
            throw new IllegalArgumentException("attachment counts are not negative");
        }
    }

    /**
     * Whether any policy is attached.
     *
     * @return whether {@link #policies()} is above 0
     */
    public boolean hasPolicies() {
        return policies > 0;
    }

    /**
     * Whether any thing is attached.
     *
     * @return whether {@link #things()} is above 0
     */
    public boolean hasThings() {
        return things > 0;
    }

    /**
     * Both counts added: what the service's own registry and a host's attachment query report together.
     *
     * @param other the other counts
     * @return the sums
     */
    public Attachments plus(Attachments other) {
        return new Attachments(policies + other.policies, things + other.things);
    }
}
