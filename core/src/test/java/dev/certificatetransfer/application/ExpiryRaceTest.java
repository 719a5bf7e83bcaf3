package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.port.out.TransferRule;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accept, reject, cancel and the sweeper race on pending transfers while the clock reaches their expiry mid-race:
 * each transfer gets exactly one outcome (accepted, rejected, cancelled or expired) and exactly one event, and every
 * loser is told the transfer is already complete (410), "the transfer expired" when expiry won.
 */
class ExpiryRaceTest extends ServiceFixture {

    private static final Duration TTL = Duration.ofSeconds(1);
    private static final int ROUNDS = 200;
    private static final int SWEEPERS = 2;
    private static final int CALLS_PER_CERTIFICATE = 3;

    private int sweptTotal;
    private final ExecutorService pool =
            Executors.newFixedThreadPool(CALLS_PER_CERTIFICATE * TestCertificates.COUNT + SWEEPERS + 1);

    ExpiryRaceTest() {
        super(
                new AllowAuthenticatedAuthorizer(),
                new MovableClock(TickingClock.START),
                TransferExpiry.after(TTL),
                TransferRule.allowAll());
    }

    private MovableClock movable() {
        return (MovableClock) clock;
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void each_transfer_expiring_mid_race_gets_exactly_one_outcome_and_one_event() throws Exception {
        var ids = new ArrayList<CertificateId>();
        for (int i = 0; i < TestCertificates.COUNT; i++) {
            ids.add(registered(i, ALICE));
        }
        int expiredTransfers = 0;
        for (int round = 0; round < ROUNDS; round++) {
            movable().advance(Duration.ofMillis(1));
            var sources = offerAll(ids);
            var offeredAt = clock.instant();
            movable().set(offeredAt.plus(TTL).minusMillis(1));
            expiredTransfers += race(ids, sources, offeredAt.plus(TTL));
        }
        System.out.println("Expiry race test: " + expiredTransfers + " of " + ROUNDS * ids.size()
                + " transfers expired mid-race, " + sweptTotal + " of them written by a sweeper");
        assertThat(expiredTransfers).as("expiry wins some races").isGreaterThan(0);
        assertThat(expiredTransfers).as("and loses some").isLessThan(ROUNDS * ids.size());
    }

    /** Each certificate offered by its owner to the other account, deactivated first if need be. */
    private List<Principal> offerAll(List<CertificateId> ids) {
        var sources = new ArrayList<Principal>();
        for (var id : ids) {
            var owner = stored(id).owner().equals(ALICE.account()) ? ALICE : BOB;
            if (stored(id).status() == CertificateStatus.ACTIVE) {
                service.updateCertificate(owner, id, CertificateStatus.INACTIVE).get();
            }
            service.transferCertificate(owner, id, (owner.equals(ALICE) ? BOB : ALICE).account(), Option.none())
                    .get();
            sources.add(owner);
        }
        return sources;
    }

    /** Races the calls while one thread moves the clock to the expiry; returns how many transfers expired. */
    private int race(List<CertificateId> ids, List<Principal> sources, Instant expiry) throws Exception {
        var barrier = new CyclicBarrier(CALLS_PER_CERTIFICATE * ids.size() + SWEEPERS + 1);
        var calls = new ArrayList<Future<Either<Refusal, ?>>>();
        var versions = new ArrayList<Long>();
        int eventsBefore = events.events().size();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            var source = sources.get(i);
            var target = source.equals(ALICE) ? BOB : ALICE;
            boolean setAsActive = i % 2 == 0;
            versions.add(stored(id).version());
            calls.add(pool.submit(racer(barrier, () -> service.acceptCertificateTransfer(target, id, setAsActive))));
            calls.add(pool.submit(racer(barrier, () -> service.rejectCertificateTransfer(target, id, Option.none()))));
            calls.add(pool.submit(racer(barrier, () -> service.cancelCertificateTransfer(source, id))));
        }
        var sweeps = new ArrayList<Future<Either<Refusal, ?>>>();
        for (int s = 0; s < SWEEPERS; s++) {
            sweeps.add(pool.submit(racer(barrier, () -> {
                int written = 0;
                while (clock.instant().isBefore(expiry)) {
                    written += service.sweepExpiredTransfers(1);
                }
                return Either.right(written + service.sweepExpiredTransfers(1));
            })));
        }
        pool.submit(racer(barrier, () -> {
                    for (int spin = ThreadLocalRandom.current().nextInt(200); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    movable().set(expiry);
                    return Either.right(expiry);
                }))
                .get();
        for (var call : calls) {
            call.get();
        }
        int swept = 0;
        for (var sweep : sweeps) {
            swept += (Integer) sweep.get().get();
        }
        var emitted = events.events().drop(eventsBefore);
        int expired = 0;
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            expired += settledOnce(
                    id,
                    calls.subList(i * CALLS_PER_CERTIFICATE, (i + 1) * CALLS_PER_CERTIFICATE),
                    versions.get(i),
                    emitted.filter(e -> e.certificateId().equals(id)),
                    expiry);
        }
        assertThat(swept)
                .as("the sweepers wrote some of the expiries, never more")
                .isLessThanOrEqualTo(expired);
        sweptTotal += swept;
        return expired;
    }

    /** One certificate after the race: one change, one event, one winner; 1 if expiry was it. */
    private int settledOnce(
            CertificateId id,
            List<Future<Either<Refusal, ?>>> calls,
            long versionBefore,
            io.vavr.collection.List<CertificateEvent> events,
            Instant expiry)
            throws Exception {
        var after = stored(id);
        boolean expired = after.lastTransfer().get().status() == TransferStatus.EXPIRED;
        assertThat(after.version()).as("exactly one change committed").isEqualTo(versionBefore + 1);
        assertThat(events).as("exactly one event").hasSize(1);
        int winners = 0;
        for (var call : calls) {
            var outcome = call.get();
            if (outcome.isRight()) {
                winners++;
            } else {
                assertThat(outcome.getLeft().code()).isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
                assertThat(outcome.getLeft().message().contains("the transfer expired"))
                        .isEqualTo(expired);
            }
        }
        assertThat(winners).as("winning calls").isEqualTo(expired ? 0 : 1);
        if (expired) {
            assertThat(events.head().type()).isEqualTo(EventType.TRANSFER_EXPIRED);
            assertThat(events.head().actor()).isEqualTo(Actor.system());
            assertThat(events.head().at()).isEqualTo(expiry);
        }
        return expired ? 1 : 0;
    }

    private static Callable<Either<Refusal, ?>> racer(CyclicBarrier barrier, Callable<Either<Refusal, ?>> call) {
        return () -> {
            barrier.await();
            return call.call();
        };
    }
}
