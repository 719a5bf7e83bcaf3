package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the outbox promises on every database: each committed change leaves exactly one event, a rolled-back one
 * none, and the relay delivers them in version order per certificate, marks them, and retries what failed.
 */
abstract class OutboxRelayContract extends OutboxFixture {

    @Nested
    class Outbox {

        @Test
        void every_committed_change_leaves_exactly_its_event_in_the_outbox() {
            var id = registerTransferAccept(0);
            assertThat(TestDatabases.outbox(dataSource(), schema())
                            .map(e -> e.certificateId() + "/" + e.version() + "/" + e.type()))
                    .containsExactly(
                            id + "/1/CERTIFICATE_REGISTERED",
                            id + "/2/TRANSFER_REQUESTED",
                            id + "/3/TRANSFER_ACCEPTED");
        }

        @Test
        void a_change_whose_transaction_fails_leaves_neither_its_state_nor_its_event() throws SQLException {
            var id = service.registerCertificateWithoutCa(
                            principal(ALICE), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
            service.transferCertificate(principal(ALICE), id, BOB, Option.none())
                    .get();
            var before = TestDatabases.outbox(dataSource(), schema());
            execute("ALTER TABLE " + outboxTable() + " ADD CONSTRAINT refuses_bob CHECK (actor <> '222222222222')");
            try {
                assertThatThrownBy(() -> service.acceptCertificateTransfer(principal(BOB), id, false))
                        .isInstanceOfSatisfying(
                                JdbcRepositoryException.class,
                                e -> assertThat(e.sqlState())
                                        .as("an integrity constraint violation")
                                        .startsWith("23"));
            } finally {
                execute("ALTER TABLE " + outboxTable() + " DROP CONSTRAINT refuses_bob");
            }
            assertThat(service.describeCertificate(principal(ALICE), id).get().status())
                    .isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(TestDatabases.outbox(dataSource(), schema())).isEqualTo(before);
        }
    }

    @Nested
    class Relay {

        @Test
        void delivers_each_certificates_events_in_version_order_and_marks_them_delivered() {
            var first = registerTransferAccept(0);
            var second = registerTransferAccept(1);
            assertThat(relay(published).deliverBatch(100)).isEqualTo(6);
            for (var id : new CertificateId[] {first, second}) {
                assertThat(published
                                .events()
                                .filter(e -> e.certificateId().equals(id))
                                .map(CertificateEvent::version))
                        .containsExactly(1L, 2L, 3L);
            }
            assertThat(published.events())
                    .containsExactlyInAnyOrderElementsOf(TestDatabases.outbox(dataSource(), schema()));
            assertThat(undelivered()).isZero();
            assertThat(relay(published).deliverBatch(100))
                    .as("nothing is delivered twice")
                    .isZero();
        }

        @Test
        void a_batch_delivers_at_most_the_number_asked_for() {
            registerTransferAccept(0);
            assertThat(relay(published).deliverBatch(2)).isEqualTo(2);
            assertThat(published.events().map(CertificateEvent::version)).containsExactly(1L, 2L);
            assertThat(undelivered()).isEqualTo(1);
        }

        @Test
        void an_event_the_publisher_fails_on_stays_undelivered_and_its_certificates_later_events_wait() {
            var failing = registerTransferAccept(0);
            var healthy = registerTransferAccept(1);
            var broken = new AtomicBoolean(true);
            var relay = relay(event -> {
                if (broken.get() && event.certificateId().equals(failing) && event.version() == 1) {
                    throw new IllegalStateException("the broker is down");
                }
                published.publish(event);
            });
            assertThat(relay.deliverBatch(100)).isEqualTo(3);
            assertThat(published.events().map(CertificateEvent::certificateId)).containsOnly(healthy);
            assertThat(undelivered()).isEqualTo(3);

            broken.set(false);
            assertThat(relay.deliverBatch(100)).isEqualTo(3);
            assertThat(published
                            .events()
                            .filter(e -> e.certificateId().equals(failing))
                            .map(CertificateEvent::version))
                    .containsExactly(1L, 2L, 3L);
            assertThat(undelivered()).isZero();
        }

        @Test
        void a_started_relay_delivers_what_is_committed_until_it_is_closed() throws InterruptedException {
            try (var relay = relay(published)) {
                relay.start(Duration.ofMillis(5));
                registerTransferAccept(0);
                // delivered by the started loop, not by close()'s drain: waited for before closing
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (undelivered() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(undelivered()).as("delivered while running").isZero();
            }
            assertThat(published.events().map(CertificateEvent::version)).containsExactly(1L, 2L, 3L);
        }

        @Test
        void two_relays_at_once_deliver_every_event_exactly_once_and_in_version_order() throws Exception {
            for (int i = 0; i < 6; i++) {
                registerTransferAccept(i);
                var id = TestCertificates.id(i);
                service.updateCertificate(principal(BOB), id, CertificateStatus.INACTIVE)
                        .get();
            }
            var delivered = new ConcurrentLinkedQueue<CertificateEvent>();
            var inFlight = ConcurrentHashMap.<String>newKeySet();
            var overlaps = new AtomicInteger();
            var lastVersion = new ConcurrentHashMap<String, Long>();
            var outOfOrder = new AtomicInteger();
            var pool = Executors.newFixedThreadPool(2);
            try {
                var start = new CountDownLatch(1);
                List<Future<Integer>> relays = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    var relay = relay(event -> {
                        String key = event.certificateId() + "/" + event.version();
                        if (!inFlight.add(key)) {
                            overlaps.incrementAndGet();
                        }
                        long previous =
                                lastVersion.getOrDefault(event.certificateId().value(), 0L);
                        if (event.version() <= previous) {
                            outOfOrder.incrementAndGet();
                        }
                        lastVersion.put(event.certificateId().value(), event.version());
                        sleepBriefly();
                        delivered.add(event);
                        inFlight.remove(key);
                    });
                    relays.add(pool.submit(() -> {
                        start.await();
                        int total = 0;
                        int round;
                        while ((round = relay.deliverBatch(3)) > 0) {
                            total += round;
                        }
                        return total;
                    }));
                }
                start.countDown();
                int total = relays.get(0).get() + relays.get(1).get();
                assertThat(overlaps)
                        .as("no event is delivered by both relays at once")
                        .hasValue(0);
                assertThat(outOfOrder)
                        .as("no certificate's event overtakes an earlier one")
                        .hasValue(0);
                assertThat(delivered)
                        .hasSize(24)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(TestDatabases.outbox(dataSource(), schema()));
                assertThat(total).isEqualTo(24);
                assertThat(undelivered()).isZero();
            } finally {
                pool.shutdownNow();
            }
        }

        private static void sleepBriefly() {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
