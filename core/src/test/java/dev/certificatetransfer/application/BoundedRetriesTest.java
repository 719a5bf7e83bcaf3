package dev.certificatetransfer.application;

import static dev.certificatetransfer.application.ServiceFixture.ALICE;
import static dev.certificatetransfer.application.ServiceFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.StoredCertificate;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingCertificateRepository;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** A write that keeps deciding on a stale read gives up after a bounded number of commits, having written nothing. */
class BoundedRetriesTest {

    private static final CertificateId ID = TestCertificates.id(0);

    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final InMemoryCertificateRepository latest = new InMemoryCertificateRepository(events);
    private final StaleCache cache = new StaleCache(latest);
    private final TickingClock clock = new TickingClock();
    /** Reads the latest state: sets the scene, and moves the certificate on behind the cache's back. */
    private final CertificateTransferService fresh = builder(latest).build();

    @ParameterizedTest
    @EnumSource(Write.class)
    void a_write_that_only_ever_reads_a_stale_state_is_throttled_after_the_bound(Write write) {
        var service = builder(cache).maxCommitAttempts(5).build();
        write.before.setUp(fresh);
        cache.remember(ID, Integer.MAX_VALUE);
        write.before.moveOn(fresh);

        assertThrottledAfter(5, () -> write.call(service));
    }

    @Test
    void the_default_bound_is_the_documented_one() {
        var service = builder(cache).build();
        Before.INACTIVE.setUp(fresh);
        cache.remember(ID, Integer.MAX_VALUE);
        Before.INACTIVE.moveOn(fresh);

        assertThrottledAfter(CertificateTransferService.DEFAULT_MAX_COMMIT_ATTEMPTS, () -> Write.UPDATE.call(service));
    }

    @Test
    void a_cancel_that_lost_to_an_accept_is_decided_again_and_learns_the_transfer_completed() {
        var service = builder(cache).maxCommitAttempts(5).build();
        Before.PENDING.setUp(fresh);
        cache.remember(ID, 1);
        fresh.acceptCertificateTransfer(BOB, ID, false).get();

        var answer = service.cancelCertificateTransfer(ALICE, ID);

        assertThat(answer.isLeft()).as("%s", answer).isTrue();
        assertThat(answer.getLeft().code()).isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
        assertThat(cache.commitAttempts()).isEqualTo(1);
        assertThat(latest.find(ID).certificate().get().owner()).isEqualTo(Accounts.BOB);
    }

    @Test
    void an_update_that_lost_once_is_decided_again_and_commits() {
        var service = builder(cache).maxCommitAttempts(5).build();
        Before.INACTIVE.setUp(fresh);
        cache.remember(ID, 1);
        Before.INACTIVE.moveOn(fresh);

        var updated =
                service.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE).get();

        assertThat(cache.commitAttempts()).isEqualTo(2);
        assertThat(updated.version()).isEqualTo(4);
        assertThat(latest.find(ID).certificate()).contains(updated);
        assertThat(events.events().last().version()).isEqualTo(4);
    }

    private void assertThrottledAfter(int attempts, Supplier<Either<Refusal, ?>> call) {
        var stored = latest.find(ID);
        var published = events.events().size();

        var answer = call.get();

        assertThat(answer.isLeft()).as("%s", answer).isTrue();
        assertThat(answer.getLeft().code()).isEqualTo(RefusalCode.THROTTLED);
        assertThat(cache.commitAttempts()).as("commit attempts").isEqualTo(attempts);
        assertThat(latest.find(ID)).as("nothing written").isEqualTo(stored);
        assertThat(events.events()).as("nothing published").hasSize(published);
    }

    private CertificateTransferService.Builder builder(CertificateRepository repository) {
        return CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock);
    }

    /** Where certificate 0 stands when the cache reads it, and how it then moves on behind the cache's back. */
    enum Before {
        INACTIVE {
            @Override
            void setUp(CertificateTransferUseCases service) {
                service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                        .get();
            }

            @Override
            void moveOn(CertificateTransferUseCases service) {
                service.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE).get();
                service.updateCertificate(ALICE, ID, CertificateStatus.INACTIVE).get();
            }
        },
        PENDING {
            @Override
            void setUp(CertificateTransferUseCases service) {
                INACTIVE.setUp(service);
                service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none())
                        .get();
            }

            @Override
            void moveOn(CertificateTransferUseCases service) {
                service.cancelCertificateTransfer(ALICE, ID).get();
                service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none())
                        .get();
            }
        },
        DELETED {
            @Override
            void setUp(CertificateTransferUseCases service) {
                INACTIVE.setUp(service);
                service.deleteCertificate(ALICE, ID, false).get();
            }

            @Override
            void moveOn(CertificateTransferUseCases service) {
                setUp(service);
            }
        };

        abstract void setUp(CertificateTransferUseCases service);

        abstract void moveOn(CertificateTransferUseCases service);
    }

    /** Each write operation, from a state in which it would succeed. */
    // its constants hold only stateless functions and immutable lists, which the checker cannot see
    @SuppressWarnings("ImmutableEnumChecker")
    enum Write {
        TRANSFER(Before.INACTIVE, service -> service.transferCertificate(ALICE, ID, Accounts.BOB, Option.none())),
        UPDATE(Before.INACTIVE, service -> service.updateCertificate(ALICE, ID, CertificateStatus.ACTIVE)),
        DELETE(Before.INACTIVE, service -> service.deleteCertificate(ALICE, ID, false)),
        CANCEL(Before.PENDING, service -> service.cancelCertificateTransfer(ALICE, ID)),
        ACCEPT(Before.PENDING, service -> service.acceptCertificateTransfer(BOB, ID, true)),
        REJECT(Before.PENDING, service -> service.rejectCertificateTransfer(BOB, ID, Option.none())),
        REGISTER_AFTER_A_DELETION(
                Before.DELETED,
                service -> service.registerCertificateWithoutCa(
                        ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE));

        final Before before;
        private final Function<CertificateTransferUseCases, Either<Refusal, ?>> call;

        Write(Before before, Function<CertificateTransferUseCases, Either<Refusal, ?>> call) {
            this.before = before;
            this.call = call;
        }

        Either<Refusal, ?> call(CertificateTransferUseCases service) {
            return call.apply(service);
        }
    }

    /**
     * A repository in front of the latest state whose reads of a remembered id lag behind (a stale cache, a replica):
     * they return the state it read when told to remember the id, a given number of times. Counts commit attempts.
     */
    static final class StaleCache extends ForwardingCertificateRepository {

        private final CertificateRepository latest;
        private final Map<CertificateId, StoredCertificate> remembered = new ConcurrentHashMap<>();
        private final AtomicInteger staleReadsLeft = new AtomicInteger();
        private final AtomicInteger commitAttempts = new AtomicInteger();

        StaleCache(CertificateRepository latest) {
            super(latest);
            this.latest = latest;
        }

        /** Reads the id now, and answers the next {@code staleReads} reads of it with what it read. */
        void remember(CertificateId id, int staleReads) {
            remembered.put(id, latest.find(id));
            staleReadsLeft.set(staleReads);
        }

        int commitAttempts() {
            return commitAttempts.get();
        }

        @Override
        public StoredCertificate find(CertificateId id) {
            var stale = remembered.get(id);
            return stale != null && staleReadsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? stale : latest.find(id);
        }

        @Override
        public CommitOutcome commit(CertificateChange change) {
            commitAttempts.incrementAndGet();
            return super.commit(change);
        }
    }
}
