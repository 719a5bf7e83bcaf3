package dev.certificatetransfer.adapter.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Two gauges of an event outbox, read from a supplier of its backlog each time they are read (a scrape): the
 * undelivered events ({@value MeterNames#OUTBOX_BACKLOG}) and the age of the oldest
 * ({@value MeterNames#OUTBOX_OLDEST_AGE}), which is the delivery lag. It knows no storage adapter: the host names
 * how to read the count and the age from its backlog, for adapters-jdbc's relay:
 *
 * <pre>{@code
 * OutboxBacklogMetrics.of(relay::backlog, OutboxBacklog::undelivered, OutboxBacklog::oldestAge).bindTo(registry);
 * }</pre>
 *
 * <p>Each scrape asks the supplier once per gauge; a supplier that throws (a database that is down) makes the gauges
 * read NaN for that scrape.
 *
 * @param <B> the backlog's type
 */
public final class OutboxBacklogMetrics<B> implements MeterBinder {

    private final Supplier<B> backlog;
    private final ToLongFunction<B> undelivered;
    private final Function<B, Duration> oldestAge;

    private OutboxBacklogMetrics(Supplier<B> backlog, ToLongFunction<B> undelivered, Function<B, Duration> oldestAge) {
        this.backlog = Objects.requireNonNull(backlog, "backlog");
        this.undelivered = Objects.requireNonNull(undelivered, "undelivered");
        this.oldestAge = Objects.requireNonNull(oldestAge, "oldestAge");
    }

    /**
     * Gauges of a backlog.
     *
     * @param backlog asked on every read of a gauge; thread-safe
     * @param undelivered how many events of a backlog are not delivered yet
     * @param oldestAge how long the oldest of them has waited; zero when none waits
     * @param <B> the backlog's type
     * @return a binder; {@link #bindTo} registers the gauges
     */
    public static <B> OutboxBacklogMetrics<B> of(
            Supplier<B> backlog, ToLongFunction<B> undelivered, Function<B, Duration> oldestAge) {
        return new OutboxBacklogMetrics<>(backlog, undelivered, oldestAge);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MeterNames.OUTBOX_BACKLOG, () -> undelivered.applyAsLong(backlog.get()))
                .description("Events in the outbox not yet delivered")
                .baseUnit("events")
                .register(registry);
        TimeGauge.builder(
                        MeterNames.OUTBOX_OLDEST_AGE,
                        () -> oldestAge.apply(backlog.get()).toNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Age of the oldest undelivered event in the outbox (the delivery lag)")
                .register(registry);
    }
}
