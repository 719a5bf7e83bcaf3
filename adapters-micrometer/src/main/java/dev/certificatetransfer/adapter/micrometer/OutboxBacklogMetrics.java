package dev.certificatetransfer.adapter.micrometer;

import io.micrometer.core.instrument.Clock;
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
 * <p>One read of the backlog serves both gauges for {@link #READ_REUSED_FOR} on the registry's clock, so a scrape asks
 * the supplier (a database query) once, not once per gauge. A supplier that throws (a database that is down) makes
 * both gauges read NaN until the next read; the failure is not retried within that window either.
 *
 * @param <B> the backlog's type
 */
public final class OutboxBacklogMetrics<B> implements MeterBinder {

    /** How long one read of the backlog answers both gauges: one second, shorter than any scrape interval. */
    public static final Duration READ_REUSED_FOR = Duration.ofSeconds(1);

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
        var reads = new RecentRead<>(backlog, registry.config().clock());
        Gauge.builder(MeterNames.OUTBOX_BACKLOG, () -> undelivered.applyAsLong(reads.get()))
                .description("Events in the outbox not yet delivered")
                .baseUnit("events")
                .register(registry);
        TimeGauge.builder(
                        MeterNames.OUTBOX_OLDEST_AGE,
                        () -> oldestAge.apply(reads.get()).toNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Age of the oldest undelivered event in the outbox (the delivery lag)")
                .register(registry);
    }

    /** The supplier's last answer (or failure), reused while it is younger than {@link #READ_REUSED_FOR}. */
    private static final class RecentRead<B> {

        private final Supplier<B> supplier;
        private final Clock clock;
        private B value;
        private RuntimeException failure;
        private long readAt;
        private boolean read;

        RecentRead(Supplier<B> supplier, Clock clock) {
            this.supplier = supplier;
            this.clock = clock;
        }

        synchronized B get() {
            var now = clock.monotonicTime();
            if (!read || now - readAt >= READ_REUSED_FOR.toNanos()) {
                read = true;
                readAt = now;
                try {
                    value = supplier.get();
                    failure = null;
                } catch (RuntimeException e) {
                    value = null;
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return value;
        }
    }
}
