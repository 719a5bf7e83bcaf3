package dev.certificatetransfer.adapter.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.StoredCertificate;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingCertificateRepository;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metrics of a real service on a real registry: after a transfer, a refused cancel and a THROTTLED answer, the
 * counters and timers say so, and so does the Prometheus text of the same registry.
 */
class MicrometerMetricsTest {

    private static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    private static final CertificateId ID = TestCertificates.id(0);
    private static final Duration READ_TIME = Duration.ofMillis(7);

    private final MockClock meterClock = new MockClock();
    private final MovableClock clock = new MovableClock(TickingClock.START);
    private final Storage storage = new Storage(new InMemoryCertificateRepository(), meterClock);

    private CertificateTransferUseCases metered(MeterRegistry registry, CertificateTransferService.Builder builder) {
        return new MicrometerCertificateTransferUseCases(
                builder.listener(new MicrometerServiceListener(registry)).build(), registry);
    }

    private CertificateTransferService.Builder service() {
        return CertificateTransferService.builder()
                .repository(storage)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .maxCommitAttempts(2);
    }

    /** A transfer, a cancel, a second cancel (refused: already completed), and an update that loses every race. */
    private void transferCancelCancelThrottled(CertificateTransferUseCases service) {
        service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
        service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none()).get();
        service.cancelCertificateTransfer(ALICE, ID).get();
        assertThat(service.cancelCertificateTransfer(ALICE, ID).getLeft().code())
                .isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
        storage.losing = true;
        assertThat(service.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE)
                        .getLeft()
                        .code())
                .isEqualTo(RefusalCode.THROTTLED);
    }

    @Nested
    class OnASimpleRegistry {

        private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, meterClock);

        @Test
        void every_operation_is_counted_and_timed_by_its_outcome() {
            transferCancelCancelThrottled(metered(registry, service()));

            assertCountedAndTimed("RegisterCertificateWithoutCA", "OK", 1);
            assertCountedAndTimed("TransferCertificate", "OK", 1);
            assertCountedAndTimed("CancelCertificateTransfer", "OK", 1);
            assertCountedAndTimed("CancelCertificateTransfer", "TRANSFER_ALREADY_COMPLETED", 1);
            assertCountedAndTimed("UpdateCertificate", "THROTTLED", 1);
            assertThat(registry.find(MeterNames.OPERATIONS).counters()).hasSize(5);
        }

        @Test
        void the_registry_calls_are_counted_under_their_own_names() {
            var repository = new InMemoryCertificateRepository();
            var service = metered(
                    registry,
                    CertificateTransferService.builder()
                            .repository(repository)
                            .authorizer(new AllowAuthenticatedAuthorizer())
                            .clock(new MovableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"))));
            var policy = new PolicyName("p");
            service.createPolicy(ALICE, policy, PolicyDocument.parse("{}").get())
                    .get();
            var unknown = new CertificateArn(
                    Region.US_EAST_1,
                    ALICE.account(),
                    TestCertificates.parsed(0).id());

            assertThat(service.attachPolicy(ALICE, policy, unknown).getLeft().code())
                    .isEqualTo(RefusalCode.NOT_FOUND);
            assertCountedAndTimed("CreatePolicy", "OK", 1);
            assertCountedAndTimed("AttachPolicy", "NOT_FOUND", 1);
        }

        @Test
        void a_registration_past_the_account_quota_is_counted_by_its_code() {
            var service = metered(registry, service().accountQuota(new AccountQuota(1, AccountQuota.UNLIMITED)));
            service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get();

            assertThat(service.registerCertificateWithoutCa(
                                    ALICE, TestCertificates.parsed(1), CertificateStatus.INACTIVE)
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.LIMIT_EXCEEDED);
            assertCountedAndTimed("RegisterCertificateWithoutCA", "LIMIT_EXCEEDED", 1);
        }

        @Test
        void the_timer_measures_the_call_on_the_registry_clock() {
            transferCancelCancelThrottled(metered(registry, service()));

            // the storage's reads advance the registry's clock by READ_TIME each: the register reads once
            var register = registry.get(MeterNames.OPERATION_DURATION)
                    .tags(MeterNames.OPERATION, "RegisterCertificateWithoutCA", MeterNames.OUTCOME, "OK")
                    .timer();
            assertThat(register.totalTime(TimeUnit.MILLISECONDS)).isEqualTo((double) READ_TIME.toMillis());
            // the throttled update read twice, once per attempt
            var throttled = registry.get(MeterNames.OPERATION_DURATION)
                    .tags(MeterNames.OPERATION, "UpdateCertificate", MeterNames.OUTCOME, "THROTTLED")
                    .timer();
            assertThat(throttled.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2.0 * READ_TIME.toMillis());
        }

        @Test
        void lost_races_and_the_write_that_gave_up_are_counted() {
            var service = metered(registry, service());
            assertThat(registry.get(MeterNames.COMMIT_RACES_LOST).counter().count())
                    .as("registered before anything happened")
                    .isZero();

            transferCancelCancelThrottled(service);

            assertThat(registry.get(MeterNames.COMMIT_RACES_LOST).counter().count())
                    .isEqualTo(2);
            assertThat(registry.get(MeterNames.COMMIT_GAVE_UP).counter().count())
                    .isEqualTo(1);
        }

        @Test
        void an_exception_is_counted_and_timed_as_such_and_propagates() {
            var service = metered(registry, service());
            storage.broken = true;

            assertThatThrownBy(() -> service.describeCertificate(ALICE, ID)).isInstanceOf(IllegalStateException.class);

            assertCountedAndTimed("DescribeCertificate", MeterNames.EXCEPTION, 1);
        }

        @Test
        void each_sweep_and_the_expiries_it_wrote_are_counted() {
            var ttl = Duration.ofHours(1);
            var service = service()
                    .transferExpiry(TransferExpiry.after(ttl))
                    .listener(new MicrometerServiceListener(registry))
                    .build();
            service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get();
            service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none()).get();

            service.sweepExpiredTransfers();
            clock.advance(ttl);
            service.sweepExpiredTransfers();

            assertThat(registry.get(MeterNames.EXPIRY_SWEEPS).counter().count()).isEqualTo(2);
            assertThat(registry.get(MeterNames.EXPIRY_SWEPT).counter().count()).isEqualTo(1);
        }

        @Test
        void the_outbox_gauges_read_the_backlog_once_per_scrape_and_again_a_second_later() {
            var reads = new AtomicInteger();
            var backlog = new AtomicReference<>(new Backlog(0, Duration.ZERO));
            OutboxBacklogMetrics.of(
                            () -> {
                                reads.incrementAndGet();
                                return backlog.get();
                            },
                            Backlog::undelivered,
                            Backlog::oldestAge)
                    .bindTo(registry);
            assertThat(registry.get(MeterNames.OUTBOX_BACKLOG).gauge().value()).isZero();
            assertThat(registry.get(MeterNames.OUTBOX_OLDEST_AGE).timeGauge().value(TimeUnit.SECONDS))
                    .isZero();
            assertThat(reads).as("both gauges of one scrape, one read").hasValue(1);

            backlog.set(new Backlog(12, Duration.ofSeconds(90)));
            meterClock.add(OutboxBacklogMetrics.READ_REUSED_FOR);

            assertThat(registry.get(MeterNames.OUTBOX_BACKLOG).gauge().value()).isEqualTo(12);
            assertThat(registry.get(MeterNames.OUTBOX_OLDEST_AGE).timeGauge().value(TimeUnit.SECONDS))
                    .isEqualTo(90);
            assertThat(reads).hasValue(2);
        }

        @Test
        void a_backlog_that_cannot_be_read_makes_both_gauges_nan_with_one_attempt() {
            var reads = new AtomicInteger();
            OutboxBacklogMetrics.<Backlog>of(
                            () -> {
                                reads.incrementAndGet();
                                throw new IllegalStateException("the database is down");
                            },
                            Backlog::undelivered,
                            Backlog::oldestAge)
                    .bindTo(registry);

            assertThat(registry.get(MeterNames.OUTBOX_BACKLOG).gauge().value()).isNaN();
            assertThat(registry.get(MeterNames.OUTBOX_OLDEST_AGE).timeGauge().value(TimeUnit.SECONDS))
                    .isNaN();
            assertThat(reads).hasValue(1);
        }

        private void assertCountedAndTimed(String operation, String outcome, int times) {
            assertThat(registry.get(MeterNames.OPERATIONS)
                            .tags(MeterNames.OPERATION, operation, MeterNames.OUTCOME, outcome)
                            .counter()
                            .count())
                    .as("%s %s counted", operation, outcome)
                    .isEqualTo(times);
            assertThat(registry.get(MeterNames.OPERATION_DURATION)
                            .tags(MeterNames.OPERATION, operation, MeterNames.OUTCOME, outcome)
                            .timer()
                            .count())
                    .as("%s %s timed", operation, outcome)
                    .isEqualTo(times);
        }
    }

    @Test
    void the_prometheus_text_shows_the_same() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        transferCancelCancelThrottled(metered(registry, service()));
        OutboxBacklogMetrics.of(() -> new Backlog(3, Duration.ofSeconds(2)), Backlog::undelivered, Backlog::oldestAge)
                .bindTo(registry);

        var text = registry.scrape();

        assertThat(text)
                .contains("certificate_transfer_operations_total{operation=\"TransferCertificate\",outcome=\"OK\"} 1")
                .contains("certificate_transfer_operations_total{operation=\"CancelCertificateTransfer\","
                        + "outcome=\"TRANSFER_ALREADY_COMPLETED\"} 1")
                .contains("certificate_transfer_operations_total{operation=\"UpdateCertificate\","
                        + "outcome=\"THROTTLED\"} 1")
                .contains("certificate_transfer_operation_duration_seconds_count{operation=\"UpdateCertificate\","
                        + "outcome=\"THROTTLED\"} 1")
                .contains("certificate_transfer_commit_races_lost_total 2")
                .contains("certificate_transfer_commit_gave_up_total 1")
                .contains("certificate_transfer_outbox_backlog_events 3")
                .contains("certificate_transfer_outbox_oldest_age_seconds 2");
    }

    /** An outbox's backlog, as a storage adapter reports it. */
    private record Backlog(long undelivered, Duration oldestAge) {}

    /** In-memory storage that advances the registry's clock on each read, and can lose every race or break. */
    private static final class Storage extends ForwardingCertificateRepository {
        private final MockClock meterClock;
        volatile boolean losing;
        volatile boolean broken;

        Storage(InMemoryCertificateRepository delegate, MockClock meterClock) {
            super(delegate);
            this.meterClock = meterClock;
        }

        @Override
        public StoredCertificate find(CertificateId id) {
            if (broken) {
                throw new IllegalStateException("the database is down");
            }
            meterClock.add(READ_TIME);
            return super.find(id);
        }

        @Override
        public CommitOutcome commit(CertificateChange change) {
            return losing ? CommitOutcome.CONFLICT : super.commit(change);
        }
    }
}
