package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the {@code certificate_event} outbox to an {@link EventPublisher}: at least once, and in version order
 * per certificate. The host calls {@link #deliverBatch}, or {@link #start}s a small loop on one daemon thread and
 * {@link #close}s it.
 *
 * <p>A round takes, in one transaction, the oldest undelivered events whose certificate has no earlier undelivered
 * event, with {@code SELECT ... FOR UPDATE SKIP LOCKED}, hands each to the publisher, marks those it took as
 * delivered and commits. So several relays, in several processes, can run at once: each takes events the others
 * have not locked, none delivers an event another is delivering, and none overtakes a certificate's earlier event
 * that another holds. An event whose publisher throws stays undelivered (it is logged, and tried again in a later
 * round), and the certificate's later events wait behind it. A crash after publishing and before the commit delivers
 * the event again: consumers drop duplicates by {@link CertificateEvent#version()}. See docs/behaviour.md, section 9.
 *
 * <p>Thread-safe: {@link #deliverBatch} may run on several threads at once, and {@link #start} and {@link #close}
 * from any thread.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private static final String NEXT_EVENTS = "SELECT e.sequence_number, "
            + EventRows.COLUMNS.replace(", ", ", e.").replaceFirst("^", "e.")
            + " FROM certificate_event e WHERE e.delivered_at IS NULL AND NOT EXISTS ("
            + "SELECT 1 FROM certificate_event earlier WHERE earlier.certificate_id = e.certificate_id"
            + " AND earlier.version < e.version AND earlier.delivered_at IS NULL)"
            + " ORDER BY e.sequence_number LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_DELIVERED =
            "UPDATE certificate_event SET delivered_at = ? WHERE sequence_number = ?";
    private static final int DEFAULT_BATCH = 100;

    private final Database database;
    private final EventPublisher publisher;
    private final Clock clock;
    private ScheduledExecutorService loop;
    private boolean failing; // touched only by the loop's one thread

    /**
     * A relay that records delivery times from the system clock.
     *
     * @param dataSource the database whose outbox to deliver, migrated by {@link JdbcMigrations#migrate}
     * @param publisher where the events go
     * @throws NullPointerException if either is null
     */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher) {
        this(dataSource, publisher, Clock.systemUTC());
    }

    /**
     * A relay that records delivery times from the given clock.
     *
     * @param dataSource the database whose outbox to deliver, migrated by {@link JdbcMigrations#migrate}
     * @param publisher where the events go
     * @param clock the clock of the delivery times
     * @throws NullPointerException if any is null
     */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher, Clock clock) {
        this.database = new Database(dataSource);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Delivers up to {@code max} undelivered events, in rounds of one transaction each, and answers how many were
     * delivered. Fewer than {@code max} means the outbox held no more that could go now.
     *
     * @param max the most events to deliver, at least 1
     * @return how many events were delivered and marked so
     * @throws IllegalArgumentException if {@code max} is less than 1
     * @throws JdbcRepositoryException if the database fails; events already marked in an earlier round stay so
     */
    public int deliverBatch(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("a batch delivers at least one event");
        }
        int delivered = 0;
        while (delivered < max) {
            int wanted = max - delivered;
            int round = database.inTransaction(
                    "Delivering the event outbox", connection -> deliverRound(connection, wanted));
            if (round == 0) {
                break;
            }
            delivered += round;
        }
        return delivered;
    }

    /**
     * Starts delivering every {@code interval} on one daemon thread, until {@link #close()}; a round that fails is
     * logged and the loop runs again at the next interval.
     *
     * @param interval the time from the end of one run to the start of the next; under a millisecond counts as one
     * @throws IllegalStateException if the relay is running already
     * @throws NullPointerException if {@code interval} is null
     */
    public synchronized void start(Duration interval) {
        if (loop != null) {
            throw new IllegalStateException("the relay is running already");
        }
        long millis = Math.max(1, interval.toMillis());
        loop = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "certificate-event-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        // close() shuts the loop down; deliverAll logs its own failures, so the future holds nothing to read
        var unused = loop.scheduleWithFixedDelay(this::deliverAll, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the loop, letting a round in progress finish (for up to ten seconds). Calling it twice is harmless. */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        loop.shutdown();
        try {
            if (!loop.awaitTermination(10, TimeUnit.SECONDS)) {
                loop.shutdownNow();
            }
        } catch (InterruptedException e) {
            loop.shutdownNow();
            Thread.currentThread().interrupt();
        }
        loop = null;
    }

    private void deliverAll() {
        try {
            while (deliverBatch(DEFAULT_BATCH) == DEFAULT_BATCH) {
                // More may be waiting: go on without sleeping.
            }
            if (failing) {
                failing = false;
                LOG.info("The outbox relay delivers events again");
            }
        } catch (Exception e) {
            // Any exception would end the scheduled loop for good: log it and run again at the next interval.
            // The first failure of an outage is logged with its stack trace, the next ones in one line each.
            if (failing) {
                LOG.warn("The outbox relay still cannot deliver events: {}", e.toString());
            } else {
                failing = true;
                LOG.warn("The outbox relay could not deliver events; it tries again at its next run", e);
            }
        }
    }

    private int deliverRound(Connection connection, int max) throws SQLException {
        var taken = take(connection, max);
        var delivered = new ArrayList<Long>(taken.size());
        for (var entry : taken) {
            if (publishSafely(entry.event)) {
                delivered.add(entry.sequenceNumber);
            }
        }
        markDelivered(connection, delivered);
        return delivered.size();
    }

    private List<Entry> take(Connection connection, int max) throws SQLException {
        try (var statement = connection.prepareStatement(NEXT_EVENTS)) {
            statement.setInt(1, max);
            try (var rows = statement.executeQuery()) {
                var taken = new ArrayList<Entry>();
                while (rows.next()) {
                    taken.add(new Entry(rows.getLong("sequence_number"), EventRows.event(rows)));
                }
                return taken;
            }
        }
    }

    private void markDelivered(Connection connection, List<Long> sequenceNumbers) throws SQLException {
        if (sequenceNumbers.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(MARK_DELIVERED)) {
            long now = clock.millis();
            for (long sequenceNumber : sequenceNumbers) {
                statement.setLong(1, now);
                statement.setLong(2, sequenceNumber);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private boolean publishSafely(CertificateEvent event) {
        try {
            publisher.publish(event);
            return true;
        } catch (Exception e) {
            // Exception, not only RuntimeException: a publisher may throw a checked exception sneakily. Errors
            // propagate.
            LOG.warn(
                    "The event publisher failed on {} of certificate {} (version {}); the event stays in the outbox"
                            + " and is tried again",
                    event.type(),
                    event.certificateId(),
                    event.version(),
                    e);
            return false;
        }
    }

    /** An event taken from the outbox, with its row's sequence number. */
    private record Entry(long sequenceNumber, CertificateEvent event) {}
}
