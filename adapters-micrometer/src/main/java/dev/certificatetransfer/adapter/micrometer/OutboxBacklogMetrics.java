package dev.certificatetransfer.adapter.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Two gauges of the event outbox, read from a supplier of its {@link OutboxBacklog} each time they are read (a
 * scrape): the undelivered events ({@value MeterNames#OUTBOX_BACKLOG}) and the age of the oldest
 * ({@value MeterNames#OUTBOX_OLDEST_AGE}), which is the delivery lag. The supplier is the host's bridge to its
 * outbox, for instance to adapters-jdbc's relay. Each scrape asks it once per gauge; a supplier that throws (a
 * database that is down) makes the gauges read NaN for that scrape.
 *
 * <pre>{@code
 * new OutboxBacklogMetrics(() -> backlogOf(relay)).bindTo(registry);
 * }</pre>
 */
public final class OutboxBacklogMetrics implements MeterBinder {

    private final Supplier<OutboxBacklog> backlog;

    /**
     * Gauges of a backlog.
     *
     * @param backlog asked on every read of a gauge; thread-safe
     */
    public OutboxBacklogMetrics(Supplier<OutboxBacklog> backlog) {
        this.backlog = Objects.requireNonNull(backlog, "backlog");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MeterNames.OUTBOX_BACKLOG, () -> backlog.get().events())
                .description("Events in the outbox not yet delivered")
                .baseUnit("events")
                .register(registry);
        TimeGauge.builder(
                        MeterNames.OUTBOX_OLDEST_AGE,
                        () -> backlog.get().oldestAge().toNanos(),
                        TimeUnit.NANOSECONDS)
                .description("Age of the oldest undelivered event in the outbox (the delivery lag)")
                .register(registry);
    }
}
