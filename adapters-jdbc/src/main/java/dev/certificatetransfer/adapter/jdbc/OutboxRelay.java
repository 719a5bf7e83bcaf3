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
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Delivers the {@code certificate_event} outbox to an {@link EventPublisher}, and keeps the outbox operable: its
 * {@link #backlog()} for health and metrics, and {@link #deleteDelivered} (or a {@link Builder#retention}) so that
 * delivered events do not pile up. The host calls {@link #deliverBatch} from its own scheduler, or {@link #start}s a
 * loop (on a daemon thread of the relay's own, or on the host's {@link ScheduledExecutorService}) and
 * {@link #close}s it, which delivers what is already in the outbox within a bounded wait.
 *
 * <p>What a consumer can rely on (docs/behaviour.md, section 9):
 *
 * <ul>
 *   <li><b>At least once.</b> An event is marked delivered in the transaction that took it, after the publisher
 *       returned. An event whose publisher throws stays undelivered (it is logged, and tried again in a later
 *       round); a crash or a lost connection after publishing and before the commit delivers the event again.
 *       Consumers drop duplicates by {@link CertificateEvent#version()}.
 *   <li><b>In version order per certificate.</b> A round takes, in one transaction, the oldest undelivered events
 *       whose certificate has no earlier undelivered event, with {@code SELECT ... FOR UPDATE SKIP LOCKED}. So a
 *       certificate's later events wait behind an earlier one that failed or that another relay (in this process
 *       or another) is delivering, and no two relays deliver the same event at once. Events of different
 *       certificates have no order.
 * </ul>
 *
 * <p>Thread-safe: {@link #deliverBatch}, {@link #backlog} and {@link #deleteDelivered} may run on several threads
 * at once, and {@link #start} and {@link #close} from any thread.
 */
public final class OutboxRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private static final int DEFAULT_BATCH = 100;
    private static final int DELETE_CHUNK = 1_000;
    private static final long RETENTION_RUN_EVERY_MILLIS = 60_000;
    /**
     * The most delivered events one run of the loop deletes: a retention turned on over millions of old events
     * deletes them over many runs, delivering between them, not in one long run that holds delivery back.
     */
    private static final int RETENTION_ROWS_PER_RUN = 10_000;

    private final Database database;
    private final Outbox outbox;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration retention; // null: delivered events are kept
    private final int retentionRowsPerRun;
    private final Duration drainTimeout;

    /** Held by a run of the loop and by {@link #close}'s drain, so they never overlap. */
    private final ReentrantLock running = new ReentrantLock();

    private boolean failing; // guarded by running
    private long nextRetentionRun = Long.MIN_VALUE; // guarded by running
    private Loop loop; // guarded by this

    /**
     * A relay on the connection's default schema that records delivery times from the system clock, keeps delivered
     * events, and drains for up to ten seconds when closed.
     *
     * @param dataSource the database whose outbox to deliver, migrated by {@link JdbcMigrations#migrate}
     * @param publisher where the events go
     * @throws NullPointerException if either is null
     */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher) {
        this(builder(dataSource, publisher));
    }

    /**
     * A relay on the connection's default schema that records delivery times from the given clock, keeps delivered
     * events, and drains for up to ten seconds when closed.
     *
     * @param dataSource the database whose outbox to deliver, migrated by {@link JdbcMigrations#migrate}
     * @param publisher where the events go
     * @param clock the clock of the delivery times
     * @throws NullPointerException if any is null
     */
    public OutboxRelay(DataSource dataSource, EventPublisher publisher, Clock clock) {
        this(builder(dataSource, publisher).clock(clock));
    }

    private OutboxRelay(Builder builder) {
        this.database = new Database(builder.dataSource);
        this.outbox = new Outbox(builder.schema);
        this.publisher = builder.publisher;
        this.clock = builder.clock;
        this.retention = builder.retention;
        this.drainTimeout = builder.drainTimeout;
        this.retentionRowsPerRun = builder.retentionRowsPerRun;
    }

    /**
     * A builder of a relay with options: the schema, the clock, a retention of delivered events, the drain timeout.
     *
     * @param dataSource the database whose outbox to deliver, migrated by {@link JdbcMigrations#migrate}
     * @param publisher where the events go
     * @return a builder with the defaults of {@link #OutboxRelay(DataSource, EventPublisher)}
     * @throws NullPointerException if either is null
     */
    public static Builder builder(DataSource dataSource, EventPublisher publisher) {
        return new Builder(dataSource, publisher);
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
        return deliver(max, Long.MAX_VALUE, () -> false);
    }

    /**
     * What the outbox holds undelivered now: one query, whose cost grows with the backlog (not with the delivered
     * events).
     *
     * @return the count of undelivered events and the age of the oldest, by this relay's clock
     * @throws JdbcRepositoryException if the database fails
     */
    public OutboxBacklog backlog() {
        return database.autoCommitted(
                "Reading the outbox's backlog", connection -> outbox.backlog(connection, clock.instant()));
    }

    /**
     * Deletes the events delivered more than {@code retention} ago (by this relay's clock), a thousand per
     * transaction; undelivered events are never deleted. A consumer that needs an event again after that gets it
     * from its own store, not from the outbox.
     *
     * @param retention how long a delivered event is kept; zero deletes every event delivered before now
     * @return how many events were deleted
     * @throws IllegalArgumentException if {@code retention} is negative
     * @throws NullPointerException if it is null
     * @throws JdbcRepositoryException if the database fails; the chunks deleted before stay deleted
     */
    public long deleteDelivered(Duration retention) {
        return deleteDelivered(deliveredBefore(checkedRetention(retention)), Long.MAX_VALUE, () -> false);
    }

    /** Deletes in chunks until none is left, {@code max} are deleted, or {@code stop}; how many were deleted. */
    private long deleteDelivered(long before, long max, BooleanSupplier stop) {
        long total = 0;
        while (total < max && !stop.getAsBoolean()) {
            int chunk = (int) Math.min(DELETE_CHUNK, max - total);
            int deleted = database.autoCommitted(
                    "Deleting delivered events", connection -> outbox.deleteDelivered(connection, before, chunk));
            total += deleted;
            if (deleted < chunk) {
                break;
            }
        }
        return total;
    }

    /**
     * Starts delivering every {@code interval} on a daemon thread of the relay's own, until {@link #close()}; a run
     * that fails is logged and the loop runs again at the next interval. With a {@link Builder#retention}, a run
     * also deletes the events delivered before it, at most once a minute.
     *
     * @param interval the time from the end of one run to the start of the next; under a millisecond counts as one
     * @throws IllegalStateException if the relay is running already
     * @throws NullPointerException if {@code interval} is null
     */
    public synchronized void start(Duration interval) {
        startOn(interval, null);
    }

    /**
     * Starts delivering every {@code interval} on the host's scheduler, until {@link #close()}, as
     * {@link #start(Duration)} does; closing the relay cancels its task and leaves the scheduler running. A run
     * takes one of the scheduler's threads for as long as it delivers.
     *
     * @param interval the time from the end of one run to the start of the next; under a millisecond counts as one
     * @param scheduler the host's scheduler, which the host shuts down after closing the relay
     * @throws IllegalStateException if the relay is running already
     * @throws NullPointerException if either is null
     * @throws java.util.concurrent.RejectedExecutionException if the scheduler refuses the task
     */
    public synchronized void start(Duration interval, ScheduledExecutorService scheduler) {
        startOn(interval, Objects.requireNonNull(scheduler, "scheduler"));
    }

    /** Starts the loop on the host's scheduler, or on a scheduler of its own if that is null. */
    private void startOn(Duration interval, ScheduledExecutorService scheduler) {
        long millis = Math.max(1, interval.toMillis());
        if (loop != null) {
            throw new IllegalStateException("the relay is running already");
        }
        ScheduledExecutorService own = scheduler == null ? ownScheduler() : null;
        var next = new Loop(own);
        // close() cancels the task; a run logs its own failures, so the future holds nothing else to read
        next.task = (own == null ? scheduler : own)
                .scheduleWithFixedDelay(() -> run(next), 0, millis, TimeUnit.MILLISECONDS);
        loop = next;
    }

    /**
     * Stops the loop, then delivers the events already in the outbox when it was called (those that can go: not
     * held behind a failing event or by another relay), within the drain timeout (ten seconds unless
     * {@link Builder#drainTimeout} says otherwise). A run in progress stops at its next event and is waited for
     * within the same timeout. What is not delivered by then stays in the outbox for the next relay; a database
     * failure is logged, not thrown. A relay that was not started (or is closed already) is left alone.
     */
    @Override
    public synchronized void close() {
        Loop stopping = loop;
        if (stopping == null) {
            return;
        }
        loop = null;
        stopping.closing = true;
        stopping.task.cancel(false);
        long deadline = System.nanoTime() + drainTimeout.toNanos();
        try {
            if (running.tryLock(drainTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    drain(deadline);
                } finally {
                    running.unlock();
                }
            } else {
                LOG.warn("The outbox relay's last run did not end within {}; it was not drained", drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (stopping.own != null) {
                stopping.own.shutdown();
            }
        }
    }

    private void drain(long deadline) {
        BooleanSupplier late = () -> System.nanoTime() - deadline >= 0;
        try {
            long upTo = database.autoCommitted("Reading the outbox's last sequence number", outbox::lastSequenceNumber);
            deliver(Integer.MAX_VALUE, upTo, late);
            if (late.getAsBoolean()) {
                LOG.warn(
                        "The outbox relay stopped draining after {}; the events left stay in the outbox", drainTimeout);
            }
        } catch (RuntimeException e) {
            LOG.warn("The outbox relay could not drain the outbox; the events left stay in it", e);
        }
    }

    /** One run of the loop: deliver while more can go, then apply the retention if it is due. */
    private void run(Loop owner) {
        running.lock();
        try {
            if (owner.closing) {
                return;
            }
            deliver(Integer.MAX_VALUE, Long.MAX_VALUE, () -> owner.closing);
            applyRetentionIfDue(() -> owner.closing);
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
        } finally {
            running.unlock();
        }
    }

    /**
     * At most {@link #RETENTION_ROWS_PER_RUN} deletions per run; when there were more to delete, the next run goes on
     * with them instead of waiting a minute.
     */
    private void applyRetentionIfDue(BooleanSupplier stop) {
        long now = clock.millis();
        if (retention != null && now >= nextRetentionRun) {
            long deleted = deleteDelivered(deliveredBefore(retention), retentionRowsPerRun, stop);
            if (deleted < retentionRowsPerRun) {
                nextRetentionRun = now + RETENTION_RUN_EVERY_MILLIS;
            }
            LOG.debug("The outbox relay deleted {} events delivered more than {} ago", deleted, retention);
        }
    }

    /** Rounds of up to a batch each, until {@code max} are delivered, a round delivers none, or {@code stop}. */
    private int deliver(int max, long upTo, BooleanSupplier stop) {
        int delivered = 0;
        while (delivered < max && !stop.getAsBoolean()) {
            int wanted = Math.min(max - delivered, DEFAULT_BATCH);
            int round = database.inTransaction(
                    "Delivering the event outbox", connection -> deliverRound(connection, wanted, upTo, stop));
            if (round == 0) {
                break;
            }
            delivered += round;
        }
        return delivered;
    }

    /** Takes up to {@code max} events, publishes them one by one (until {@code stop}), marks those published. */
    private int deliverRound(Connection connection, int max, long upTo, BooleanSupplier stop) throws SQLException {
        var taken = outbox.take(connection, max, upTo);
        var delivered = new ArrayList<Long>(taken.size());
        for (var entry : taken) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (publishSafely(entry.event())) {
                delivered.add(entry.sequenceNumber());
            }
        }
        outbox.markDelivered(connection, delivered, clock.millis());
        return delivered.size();
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

    private long deliveredBefore(Duration retention) {
        try {
            return Math.subtractExact(clock.millis(), retention.toMillis());
        } catch (ArithmeticException beyondStorableTimes) {
            return Long.MIN_VALUE;
        }
    }

    private static Duration checkedRetention(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention is not negative");
        }
        return retention;
    }

    private static ScheduledExecutorService ownScheduler() {
        return Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "certificate-event-outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One start of the loop: its task, its own scheduler (none on the host's), and whether it is closing. */
    private static final class Loop {
        final ScheduledExecutorService own;
        ScheduledFuture<?> task;
        volatile boolean closing;

        Loop(ScheduledExecutorService own) {
            this.own = own;
        }
    }

    /** The options of an {@link OutboxRelay}; each has a default, so {@link #build()} may follow at once. */
    public static final class Builder {
        private final DataSource dataSource;
        private final EventPublisher publisher;
        private JdbcSchema schema = JdbcSchema.CONNECTION_DEFAULT;
        private Clock clock = Clock.systemUTC();
        private Duration retention;
        private Duration drainTimeout = Duration.ofSeconds(10);
        private int retentionRowsPerRun = RETENTION_ROWS_PER_RUN;

        private Builder(DataSource dataSource, EventPublisher publisher) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.publisher = Objects.requireNonNull(publisher, "publisher");
        }

        /**
         * Where the outbox is; the connection's default schema unless set.
         *
         * @param schema the schema the repository writes to
         * @return this builder
         * @throws NullPointerException if it is null
         */
        public Builder schema(JdbcSchema schema) {
            this.schema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * The clock of delivery times, of the retention and of the backlog's age; the system's UTC clock unless set.
         *
         * @param clock the clock
         * @return this builder
         * @throws NullPointerException if it is null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Has the started loop delete the events delivered more than {@code retention} ago, at most once a minute
         * (as {@link OutboxRelay#deleteDelivered} does), at most 10,000 per run (more are deleted by the next runs,
         * with deliveries between them), and never after {@link OutboxRelay#close()} was called. Unless set,
         * delivered events are kept until the host deletes them.
         *
         * @param retention how long a delivered event is kept
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         * @throws NullPointerException if it is null
         */
        public Builder retention(Duration retention) {
            this.retention = checkedRetention(Objects.requireNonNull(retention, "retention"));
            return this;
        }

        /** For tests: how many delivered events one run of the loop deletes at most. */
        Builder retentionRowsPerRun(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("at least one row per run");
            }
            this.retentionRowsPerRun = rows;
            return this;
        }

        /**
         * How long {@link OutboxRelay#close()} may take to finish a run and deliver what is in the outbox; ten
         * seconds unless set. A publisher call in progress when it ends is waited for.
         *
         * @param drainTimeout the longest wait; zero stops without delivering more
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         * @throws NullPointerException if it is null
         */
        public Builder drainTimeout(Duration drainTimeout) {
            if (drainTimeout.isNegative()) {
                throw new IllegalArgumentException("a drain timeout is not negative");
            }
            this.drainTimeout = drainTimeout;
            return this;
        }

        /**
         * The relay, not started.
         *
         * @return a relay with these options
         */
        public OutboxRelay build() {
            return new OutboxRelay(this);
        }
    }
}
