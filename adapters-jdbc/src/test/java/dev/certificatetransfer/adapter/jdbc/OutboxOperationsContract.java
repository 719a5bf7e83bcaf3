package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TickingClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a host relies on to operate the outbox, on every database: the delivery guarantees (at least once, in
 * version order per certificate), the backlog, the retention of delivered events, and closing a relay (its drain,
 * its bound, the host's scheduler). Each test is deterministic: latches, a held transaction, a failure injected once.
 */
abstract class OutboxOperationsContract extends OutboxFixture {

    /** The relays' time in these tests: an hour after the service's first event. */
    static final Instant RELAY_NOW = TickingClock.START.plus(Duration.ofHours(1));

    private static final Duration WAIT = Duration.ofSeconds(10);

    protected final MovableClock relayClock = new MovableClock(RELAY_NOW);

    /**
     * Whether a round locks only the events it takes, so a second relay delivers other certificates' events
     * meanwhile (PostgreSQL); H2 locks each row the round reads, so there a second relay may find all locked.
     */
    protected boolean locksOnlyTheRowsItTakes() {
        return true;
    }

    private List<Long> versionsOf(List<CertificateEvent> events, CertificateId id) {
        return events.stream()
                .filter(e -> e.certificateId().equals(id))
                .map(CertificateEvent::version)
                .toList();
    }

    @Nested
    class AtLeastOnce {

        @Test
        void an_event_whose_publisher_fails_once_is_delivered_again_by_the_loop_and_its_later_events_wait() {
            var id = registerTransferAccept(0);
            var attempts = Collections.synchronizedList(new ArrayList<CertificateEvent>());
            var failedOnce = new AtomicBoolean();
            try (var relay = relay(event -> {
                attempts.add(event);
                if (event.version() == 1 && failedOnce.compareAndSet(false, true)) {
                    throw new IllegalStateException("the broker is down, once");
                }
                published.publish(event);
            })) {
                relay.start(Duration.ofMillis(5));
                await().atMost(WAIT).until(() -> published.events().size() == 3);
            }
            assertThat(versionsOf(attempts, id)).startsWith(1L, 1L).containsSubsequence(1L, 2L, 3L);
            assertThat(published.events().map(CertificateEvent::version)).containsExactly(1L, 2L, 3L);
            assertThat(undelivered()).isZero();
        }

        @Test
        void an_event_published_before_its_commit_failed_is_delivered_again() {
            var id = registerTransferAccept(0);
            var commitFails = new AtomicBoolean(true);
            var relay = OutboxRelay.builder(failingFirstCommit(dataSource(), commitFails), published)
                    .schema(schema())
                    .build();
            assertThatThrownBy(() -> relay.deliverBatch(100))
                    .isInstanceOfSatisfying(
                            JdbcRepositoryException.class,
                            e -> assertThat(e.sqlState()).isEqualTo("08006"));
            assertThat(published.events().map(CertificateEvent::version))
                    .as("published, but its commit was lost")
                    .containsExactly(1L);
            assertThat(undelivered()).isEqualTo(3);

            assertThat(relay.deliverBatch(100)).isEqualTo(3);
            assertThat(versionsOf(published.events().toJavaList(), id))
                    .as("version 1 twice: a consumer drops the duplicate by its version")
                    .containsExactly(1L, 1L, 2L, 3L);
            assertThat(undelivered()).isZero();
        }
    }

    @Nested
    class InOrderPerCertificate {

        @Test
        void a_certificate_whose_earlier_event_another_transaction_holds_waits_while_the_others_go()
                throws SQLException {
            var held = registerTransferAccept(0);
            var other = registerTransferAccept(1);
            var relay = relay(published);
            try (var connection = dataSource().getConnection()) {
                connection.setAutoCommit(false);
                try (var lock = connection.prepareStatement("SELECT sequence_number FROM " + outboxTable()
                        + " WHERE certificate_id = ? AND version = 1 FOR UPDATE")) {
                    lock.setString(1, held.value());
                    try (var rows = lock.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                    }
                }
                assertThat(relay.deliverBatch(100)).isEqualTo(3);
                assertThat(published.events().map(CertificateEvent::certificateId))
                        .containsOnly(other);
                connection.rollback();
            }
            assertThat(relay.deliverBatch(100)).isEqualTo(3);
            assertThat(versionsOf(published.events().toJavaList(), held)).containsExactly(1L, 2L, 3L);
        }

        @Test
        void a_second_relay_neither_delivers_the_event_the_first_is_delivering_nor_overtakes_it() throws Exception {
            var first = registerTransferAccept(0);
            var second = registerTransferAccept(1);
            var delivered = Collections.synchronizedList(new ArrayList<CertificateEvent>());
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var slow = relay(event -> {
                if (event.certificateId().equals(first) && event.version() == 1) {
                    holding.countDown();
                    awaitLatch(release);
                }
                delivered.add(event);
            });
            var fast = relay(delivered::add);
            var pool = Executors.newSingleThreadExecutor();
            try {
                var slowRun = pool.submit(() -> slow.deliverBatch(1));
                assertThat(holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

                int meanwhile = fast.deliverBatch(100);
                assertThat(versionsOf(delivered, first))
                        .as("neither the held event nor the later ones of its certificate")
                        .isEmpty();
                assertThat(versionsOf(delivered, second)).hasSize(meanwhile);
                if (locksOnlyTheRowsItTakes()) {
                    assertThat(meanwhile).as("the other certificate's events").isEqualTo(3);
                }

                release.countDown();
                assertThat(slowRun.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(fast.deliverBatch(100)).isEqualTo(5 - meanwhile);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            assertThat(versionsOf(delivered, first)).containsExactly(1L, 2L, 3L);
            assertThat(versionsOf(delivered, second)).containsExactly(1L, 2L, 3L);
            assertThat(undelivered()).isZero();
        }
    }

    @Nested
    class Backlog {

        @Test
        void the_backlog_counts_the_undelivered_events_and_ages_the_oldest_by_the_relays_clock() {
            var relay = relayBuilder(published).clock(relayClock).build();
            assertThat(relay.backlog()).isEqualTo(new OutboxBacklog(0, Duration.ZERO));
            assertThat(relay.backlog().isEmpty()).isTrue();

            registerTransferAccept(0);
            var events = TestDatabases.outbox(dataSource(), schema());
            assertThat(relay.backlog())
                    .isEqualTo(
                            new OutboxBacklog(3, Duration.between(events.get(0).at(), RELAY_NOW)));

            relay.deliverBatch(2);
            assertThat(relay.backlog())
                    .isEqualTo(
                            new OutboxBacklog(1, Duration.between(events.get(2).at(), RELAY_NOW)));

            relay.deliverBatch(100);
            assertThat(relay.backlog()).isEqualTo(new OutboxBacklog(0, Duration.ZERO));
        }
    }

    @Nested
    class Retention {

        @Test
        void delete_delivered_removes_the_events_delivered_more_than_the_retention_ago_and_no_undelivered_one() {
            var delivered = registerTransferAccept(0);
            var failing = registerTransferAccept(1);
            var relay = relayBuilder(event -> {
                        if (event.certificateId().equals(failing)) {
                            throw new IllegalStateException("this consumer is down");
                        }
                    })
                    .clock(relayClock)
                    .build();
            assertThat(relay.deliverBatch(100)).isEqualTo(3);

            relayClock.advance(Duration.ofHours(1));
            assertThat(relay.deleteDelivered(Duration.ofHours(1)))
                    .as("delivered exactly the retention ago: kept")
                    .isZero();
            relayClock.advance(Duration.ofMillis(1));
            assertThat(relay.deleteDelivered(Duration.ofHours(1))).isEqualTo(3);
            assertThat(relay.deleteDelivered(Duration.ZERO))
                    .as("undelivered events are never deleted")
                    .isZero();
            assertThat(TestDatabases.outbox(dataSource(), schema()).map(CertificateEvent::certificateId))
                    .containsOnly(failing)
                    .hasSize(3)
                    .doesNotContain(delivered);
            assertThat(undelivered()).isEqualTo(3);
        }

        @Test
        void a_started_relay_with_a_retention_deletes_the_events_it_delivered_once_they_are_old_enough() {
            try (var relay = relayBuilder(published)
                    .clock(relayClock)
                    .retention(Duration.ofHours(1))
                    .build()) {
                relay.start(Duration.ofMillis(5));
                registerTransferAccept(0);
                await().atMost(WAIT).until(() -> undelivered() == 0);
                assertThat(outboxRows()).as("delivered just now: kept").isEqualTo(3);

                relayClock.advance(Duration.ofHours(1).plusMillis(1));
                await().atMost(WAIT).until(() -> outboxRows() == 0);
            }
            assertThat(published.events()).hasSize(3);
        }

        @Test
        void a_run_of_the_loop_deletes_at_most_its_share_and_the_next_runs_go_on_with_the_rest() throws Exception {
            var relay = relayBuilder(published)
                    .clock(relayClock)
                    .retention(Duration.ofHours(1))
                    .retentionRowsPerRun(4)
                    .build();
            registerTransferAccept(0);
            registerTransferAccept(1);
            assertThat(relay.deliverBatch(100)).isEqualTo(6);
            relayClock.advance(Duration.ofHours(1).plusMillis(1));
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try {
                relay.start(Duration.ofHours(1), scheduler); // one run now, the next in an hour
                scheduler.submit(() -> {}).get(WAIT.toSeconds(), TimeUnit.SECONDS); // the first run is over
                assertThat(outboxRows()).as("one run deleted its share of four").isEqualTo(2);
                relay.close();
            } finally {
                scheduler.shutdownNow();
            }
            try (var again = relayBuilder(published)
                    .clock(relayClock)
                    .retention(Duration.ofHours(1))
                    .retentionRowsPerRun(4)
                    .build()) {
                again.start(Duration.ofMillis(5));
                await().atMost(WAIT).until(() -> outboxRows() == 0);
            }
        }

        @Test
        void a_negative_retention_is_refused() {
            var relay = relay(published);
            assertThatThrownBy(() -> relay.deleteDelivered(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> relayBuilder(published).retention(Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Closing {

        @Test
        void close_delivers_what_is_already_in_the_outbox() throws Exception {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try {
                var relay = relay(published);
                relay.start(Duration.ofHours(1), scheduler);
                scheduler.submit(() -> {}).get(WAIT.toSeconds(), TimeUnit.SECONDS); // the loop's first run is over
                var id = registerTransferAccept(0);

                relay.close();

                assertThat(versionsOf(published.events().toJavaList(), id)).containsExactly(1L, 2L, 3L);
                assertThat(undelivered()).isZero();
                assertThat(scheduler.isShutdown())
                        .as("the host's scheduler is the host's")
                        .isFalse();
            } finally {
                scheduler.shutdownNow();
            }
        }

        @Test
        void close_stops_delivering_at_the_drain_timeout_and_leaves_the_rest_in_the_outbox() throws Exception {
            var drainTimeout = Duration.ofMillis(100);
            var firstCall = new AtomicLong();
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            try {
                var relay = relayBuilder(event -> {
                            // The drain's deadline was set before this first call: waiting the timeout from here
                            // passes it.
                            firstCall.compareAndSet(0, System.nanoTime());
                            long until = firstCall.get() + drainTimeout.toNanos();
                            while (System.nanoTime() - until < 0) {
                                Thread.onSpinWait();
                            }
                            published.publish(event);
                        })
                        .drainTimeout(drainTimeout)
                        .build();
                relay.start(Duration.ofHours(1), scheduler);
                scheduler.submit(() -> {}).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                registerTransferAccept(0);

                relay.close();

                assertThat(published.events().map(CertificateEvent::version)).containsExactly(1L);
                assertThat(undelivered()).isEqualTo(2);
            } finally {
                scheduler.shutdownNow();
            }
        }

        @Test
        void a_relay_on_the_hosts_scheduler_delivers_on_its_thread() throws Exception {
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                var thread = new Thread(task, "the-hosts-scheduler");
                thread.setDaemon(true);
                return thread;
            });
            var threads = Collections.synchronizedSet(new java.util.HashSet<String>());
            try (var relay = relay(event -> {
                threads.add(Thread.currentThread().getName());
                published.publish(event);
            })) {
                relay.start(Duration.ofMillis(5), scheduler);
                registerTransferAccept(0);
                await().atMost(WAIT).until(() -> published.events().size() == 3);
                assertThatThrownBy(() -> relay.start(Duration.ofMillis(5))).isInstanceOf(IllegalStateException.class);
            } finally {
                scheduler.shutdownNow();
            }
            assertThat(threads).containsExactly("the-hosts-scheduler");
        }

        @Test
        void closing_a_relay_that_was_never_started_delivers_nothing() {
            registerTransferAccept(0);
            relay(published).close();
            assertThat(published.events()).isEmpty();
            assertThat(undelivered()).isEqualTo(3);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the publisher");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The data source, whose connections fail the first commit (while {@code armed}) as a lost connection. */
    private static DataSource failingFirstCommit(DataSource dataSource, AtomicBoolean armed) {
        return proxy(DataSource.class, dataSource, armed);
    }

    private static <T> T proxy(Class<T> type, T target, AtomicBoolean armed) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (type == Connection.class && method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                throw new SQLException("the connection was lost during COMMIT", "08006");
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (type == DataSource.class && result instanceof Connection connection) {
                return proxy(Connection.class, connection, armed);
            }
            return result;
        }));
    }
}
