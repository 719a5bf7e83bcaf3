package dev.certificatetransfer.application;

import static dev.certificatetransfer.application.ServiceFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The builder's listener hears every lost compare-and-set race, every write that gives up, and every sweep. */
class ServiceListenerTest {

    private static final CertificateId ID = TestCertificates.id(0);

    private final InMemoryCertificateRepository latest =
            new InMemoryCertificateRepository(new RecordingEventPublisher());
    private final BoundedRetriesTest.StaleCache cache = new BoundedRetriesTest.StaleCache(latest);
    private final MovableClock clock = new MovableClock(TickingClock.START);
    private final Recording heard = new Recording();

    @Test
    void a_write_that_lost_once_and_then_commits_is_heard_as_one_lost_race() {
        var fresh = service(latest).build();
        fresh.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
        cache.remember(ID, 1);
        fresh.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE).get();
        fresh.updateCertificate(ALICE, ID, CertificateStatus.INACTIVE).get();

        var updated = service(cache)
                .build()
                .updateCertificate(ALICE, ID, CertificateStatus.ACTIVE)
                .get();

        assertThat(updated.status()).isEqualTo(CertificateStatus.ACTIVE);

        assertThat(heard.calls).containsExactly("raceLost " + ID + " 1");
    }

    @Test
    void a_write_that_answers_throttled_is_heard_losing_each_race_then_giving_up() {
        var fresh = service(latest).build();
        fresh.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
        cache.remember(ID, Integer.MAX_VALUE);
        fresh.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE).get();

        var answer = service(cache).maxCommitAttempts(3).build().updateCertificate(ALICE, ID, CertificateStatus.ACTIVE);

        assertThat(answer.getLeft().code()).isEqualTo(RefusalCode.THROTTLED);
        assertThat(heard.calls)
                .containsExactly(
                        "raceLost " + ID + " 1",
                        "raceLost " + ID + " 2",
                        "raceLost " + ID + " 3",
                        "gaveUp " + ID + " 3");
    }

    @Test
    void each_sweep_is_heard_with_the_number_of_expiries_it_wrote() {
        var ttl = Duration.ofHours(1);
        var service = service(latest).transferExpiry(TransferExpiry.after(ttl)).build();
        service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
        service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none()).get();

        service.sweepExpiredTransfers();
        clock.advance(ttl);
        service.sweepExpiredTransfers();

        assertThat(heard.calls).containsExactly("sweepFinished 0", "sweepFinished 1");
    }

    @Test
    void without_a_listener_the_service_hears_nobody_and_works_as_before() {
        var service = CertificateTransferService.builder()
                .repository(latest)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .build();

        assertThat(service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                        .isRight())
                .isTrue();
        assertThat(service.sweepExpiredTransfers()).isZero();
    }

    private CertificateTransferService.Builder service(CertificateRepository repository) {
        return CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .listener(heard);
    }

    /** Writes down what it hears, in order. */
    private static final class Recording implements ServiceListener {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void raceLost(CertificateId id, int attempt) {
            calls.add("raceLost " + id + " " + attempt);
        }

        @Override
        public void gaveUp(CertificateId id, int attempts) {
            calls.add("gaveUp " + id + " " + attempts);
        }

        @Override
        public void sweepFinished(int expired) {
            calls.add("sweepFinished " + expired);
        }
    }
}
