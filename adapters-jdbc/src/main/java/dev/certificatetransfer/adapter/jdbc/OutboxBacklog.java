package dev.certificatetransfer.adapter.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * What the outbox holds that is not delivered yet, for health checks and metrics: a backlog that keeps growing, or
 * an oldest event that keeps ageing, means the events do not reach their consumers (no relay runs, or its
 * publisher fails).
 *
 * @param undelivered how many events are not delivered yet
 * @param oldestAge how long ago the oldest of them occurred, by the relay's clock when the backlog was read; zero
 *     when there is none (or its time is not before that clock's)
 */
public record OutboxBacklog(long undelivered, Duration oldestAge) {

    /**
     * A backlog.
     *
     * @param undelivered how many events are not delivered yet, at least 0
     * @param oldestAge how long ago the oldest of them occurred, not negative
     * @throws IllegalArgumentException if either is negative
     * @throws NullPointerException if {@code oldestAge} is null
     */
    public OutboxBacklog {
        Objects.requireNonNull(oldestAge, "oldestAge");
        if (undelivered < 0 || oldestAge.isNegative()) {
            throw new IllegalArgumentException("a backlog is never negative");
        }
    }

    /**
     * Whether every event is delivered.
     *
     * @return whether no event is undelivered
     */
    public boolean isEmpty() {
        return undelivered == 0;
    }
}
