package dev.certificatetransfer.domain;

/** How many policies and things are attached to a certificate, as the host's attachment query reports. */
public record Attachments(int policies, int things) {

    /** Nothing attached: the default when the host keeps no attachments. */
    public static final Attachments NONE = new Attachments(0, 0);

    public Attachments {
        if (policies < 0 || things < 0) {
            throw new IllegalArgumentException("attachment counts are not negative");
        }
    }

    public boolean hasPolicies() {
        return policies > 0;
    }

    public boolean hasThings() {
        return things > 0;
    }
}
