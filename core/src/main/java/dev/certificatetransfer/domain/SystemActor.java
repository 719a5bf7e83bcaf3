package dev.certificatetransfer.domain;

/** The system as an {@link Actor}: the changes that a rule makes by itself, such as a transfer's expiry. */
public enum SystemActor implements Actor {
    /** The system; {@link Actor#system()} returns it. */
    INSTANCE;

    /** The name the system goes by in events and logs: {@code system}; it has no account. */
    public static final String NAME = "system";

    /** {@link #NAME}. */
    @Override
    public String toString() {
        return NAME;
    }
}
