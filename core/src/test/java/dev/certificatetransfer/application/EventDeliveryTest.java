package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.rules.CertificateEvolution;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/** Events a consumer can trust: in version order, each with the certificate's version, and never failing a call. */
class EventDeliveryTest extends ServiceFixture {

    @Nested
    class FailingPublisher {

        @Test
        void a_publisher_that_always_throws_fails_no_call_and_every_change_is_committed() {
            var offered = new AtomicInteger();
            var repository = new InMemoryCertificateRepository(event -> {
                offered.incrementAndGet();
                throw new IllegalStateException("the broker is down");
            });
            var failing = serviceOn(repository);
            var id = TestCertificates.id(0);

            var registered =
                    failing.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE);
            assertThat(registered.isRight()).as("%s", registered).isTrue();
            assertThat(repository.find(id).certificate())
                    .contains(registered.get().certificate());

            var transferred = failing.transferCertificate(ALICE, id, Accounts.BOB, Option.none());
            assertThat(transferred.isRight()).as("%s", transferred).isTrue();
            assertThat(repository.find(id).certificate())
                    .contains(transferred.get().certificate());

            var accepted = failing.acceptCertificateTransfer(BOB, id, true);
            assertThat(accepted.isRight()).as("%s", accepted).isTrue();
            assertThat(repository.find(id).certificate()).contains(accepted.get());
            assertThat(offered)
                    .as("every event was still offered to the publisher")
                    .hasValue(3);
        }
    }

    @Nested
    class PublisherThatMisbehaves {

        @Test
        void a_checked_exception_thrown_sneakily_fails_no_call() {
            var repository =
                    new InMemoryCertificateRepository(event -> sneakyThrow(new java.io.IOException("disk full")));
            var registered = serviceOn(repository)
                    .registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE);
            assertThat(registered.isRight()).as("%s", registered).isTrue();
            assertThat(repository.find(TestCertificates.id(0)).certificate()).isNotEmpty();
        }

        @Test
        void a_publisher_that_changes_a_certificate_itself_is_not_called_again_before_it_returns() {
            var calls = new java.util.concurrent.CopyOnWriteArrayList<String>();
            var service = new java.util.concurrent.atomic.AtomicReference<CertificateTransferUseCases>();
            var repository = new InMemoryCertificateRepository(event -> {
                calls.add("start v" + event.version());
                if (event instanceof CertificateEvent.TransferRequested requested) {
                    assertThat(service.get()
                                    .cancelCertificateTransfer(ALICE, requested.certificateId())
                                    .isRight())
                            .isTrue();
                }
                calls.add("end v" + event.version());
            });
            service.set(serviceOn(repository));
            var id = service.get()
                    .registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();

            service.get()
                    .transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                    .get();

            assertThat(calls).containsExactly("start v1", "end v1", "start v2", "end v2", "start v3", "end v3");
            assertThat(repository.find(id).certificate().get().status()).isEqualTo(CertificateStatus.INACTIVE);
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
            throw (E) e;
        }
    }

    @Nested
    class Order {

        private static final int THREADS = 4;
        private static final int TOGGLES = 2_000;

        @Test
        void one_certificates_events_arrive_in_version_order_without_gaps_or_duplicates() throws Exception {
            var recorded = new RecordingEventPublisher();
            var repository = new InMemoryCertificateRepository(recorded);
            var concurrent = serviceOn(repository);
            var id = concurrent
                    .registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();

            toggleFromSeveralThreads(concurrent, id);

            var stored = repository.find(id).certificate().get();
            var versions =
                    recorded.events().filter(e -> e.certificateId().equals(id)).map(CertificateEvent::version);
            assertThat(stored.version()).as("some toggles committed").isGreaterThan(THREADS);
            assertThat(versions)
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, stored.version()).boxed().toList());
            assertThat(CertificateEvolution.replay(recorded.events())).contains(stored);
        }

        private void toggleFromSeveralThreads(CertificateTransferUseCases concurrent, CertificateId id)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                var start = new CountDownLatch(1);
                var done = new ArrayList<Future<?>>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < TOGGLES; i++) {
                            var status = i % 2 == 0 ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
                            var answer = concurrent.updateCertificate(ALICE, id, status);
                            assertThat(answer.isRight() || answer.getLeft().code() == RefusalCode.THROTTLED)
                                    .as("%s", answer)
                                    .isTrue();
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (var future : done) {
                    future.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class Versions {

        @Test
        void each_event_carries_the_certificates_version_right_after_its_change_across_a_re_registration() {
            var id = TestCertificates.id(0);
            var registered = service.registerCertificateWithoutCa(
                            ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get()
                    .certificate();
            assertVersion(id, 1, registered.version());

            var transferred = service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                    .get();
            assertVersion(id, 2, transferred.certificate().version());

            var cancelled = service.cancelCertificateTransfer(ALICE, id).get();
            assertVersion(id, 3, cancelled.version());

            service.deleteCertificate(ALICE, id, false).get();
            assertThat(repository.find(id).certificate()).isEmpty();
            assertVersion(id, 4, repository.find(id).version());

            var again = service.registerCertificateWithoutCa(
                            CAROL, TestCertificates.parsed(0), CertificateStatus.ACTIVE)
                    .get()
                    .certificate();
            assertVersion(id, 5, again.version());
            assertThat(again.customerVersion()).isEqualTo(1);
            assertThat(events.events().map(CertificateEvent::version)).containsExactly(1L, 2L, 3L, 4L, 5L);
        }

        private void assertVersion(CertificateId id, long expected, long returned) {
            assertThat(events.events().last().version())
                    .as("the event's version")
                    .isEqualTo(expected);
            assertThat(repository.find(id).version()).as("the stored version").isEqualTo(expected);
            assertThat(returned).as("the version of what the call returned").isEqualTo(expected);
        }
    }

    private CertificateTransferUseCases serviceOn(InMemoryCertificateRepository repository) {
        return CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(new TickingClock())
                .build();
    }
}
