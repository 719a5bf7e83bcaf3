package dev.certificatetransfer.adapter.micrometer;

import java.time.Duration;
import java.util.Objects;

/**
 * The outbox's backlog at one moment: how many events wait to be delivered, and how long the oldest has waited.
 *
 * @param events the undelivered events, 0 or more
 * @param oldestAge the age of the oldest undelivered event; {@link Duration#ZERO} when none waits
 */
public record OutboxBacklog(long events, Duration oldestAge) {

    /** An empty backlog. */
    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Duration.ZERO);

    /**
     * A backlog.
     *
     * @param events the undelivered events, 0 or more
     * @param oldestAge the age of the oldest undelivered event; {@link Duration#ZERO} when none waits
     * @throws IllegalArgumentException if the count or the age is negative
     */
    public OutboxBacklog {
        Objects.requireNonNull(oldestAge, "oldestAge");
        if (events < 0 || oldestAge.isNegative()) {
            throw new IllegalArgumentException("a backlog has no negative count or age");
        }
    }
}
