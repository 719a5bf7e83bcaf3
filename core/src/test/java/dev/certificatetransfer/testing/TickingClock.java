package dev.certificatetransfer.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A deterministic, thread-safe test clock: every reading is one step later than the one before. */
public final class TickingClock extends Clock {

    /** 2026-01-01T00:00:00Z. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicLong readings = new AtomicLong();
    private final Instant start;
    private final Duration step;

    public TickingClock() {
        this(START, Duration.ofMillis(1));
    }

    public TickingClock(Instant start, Duration step) {
        this.start = start;
        this.step = step;
    }

    @Override
    public Instant instant() {
        return start.plus(step.multipliedBy(readings.getAndIncrement()));
    }

    /** The instant the next reading will return. */
    public Instant peek() {
        return start.plus(step.multipliedBy(readings.get()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
