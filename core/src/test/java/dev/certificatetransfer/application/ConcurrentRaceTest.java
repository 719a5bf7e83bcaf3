package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many threads race accept, reject and cancel on the same pending transfers: exactly one call wins each
 * transfer, every loser is told the transfer is already complete (410), no certificate ends up with two
 * owners or a lost update, and the listing indexes agree with the settled owners.
 */
class ConcurrentRaceTest extends ServiceFixture {

    private static final int ROUNDS = 300;
    private static final int RACERS_PER_CALL = 2;

    private final ExecutorService pool = Executors.newFixedThreadPool(3 * RACERS_PER_CALL * TestCertificates.COUNT);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void exactly_one_of_racing_accept_reject_and_cancel_wins_and_the_losers_get_410() throws Exception {
        var ids = new ArrayList<CertificateId>();
        for (int i = 0; i < TestCertificates.COUNT; i++) {
            ids.add(registered(i, ALICE));
        }
        int deactivations = 0;
        for (int round = 0; round < ROUNDS; round++) {
            var sources = new ArrayList<Principal>();
            for (var id : ids) {
                var owner = stored(id).owner().equals(ALICE.account()) ? ALICE : BOB;
                var target = owner.equals(ALICE) ? BOB : ALICE;
                if (stored(id).status() == CertificateStatus.ACTIVE) {
                    service.updateCertificate(owner, id, CertificateStatus.INACTIVE)
                            .get();
                    deactivations++;
                }
                service.transferCertificate(owner, id, target.account(), Option.none())
                        .get();
                sources.add(owner);
            }
            race(ids, sources);
        }
        assertThat(events.events().size())
                .as("one event per committed change, none for a lost race")
                .isEqualTo(ids.size() * (1 + 2 * ROUNDS) + deactivations);
    }

    private void race(List<CertificateId> ids, List<Principal> sources) throws Exception {
        var barrier = new CyclicBarrier(3 * RACERS_PER_CALL * ids.size());
        var calls = new ArrayList<Future<Either<Refusal, Certificate>>>();
        var versions = new ArrayList<Long>();
        for (int i = 0; i < ids.size(); i++) {
            var id = ids.get(i);
            var source = sources.get(i);
            var target = source.equals(ALICE) ? BOB : ALICE;
            versions.add(stored(id).version());
            for (int r = 0; r < RACERS_PER_CALL; r++) {
                boolean setAsActive = r % 2 == 0;
                calls.add(
                        pool.submit(racer(barrier, () -> service.acceptCertificateTransfer(target, id, setAsActive))));
                calls.add(pool.submit(
                        racer(barrier, () -> service.rejectCertificateTransfer(target, id, Option.none()))));
                calls.add(pool.submit(racer(barrier, () -> service.cancelCertificateTransfer(source, id))));
            }
        }
        int perCertificate = 3 * RACERS_PER_CALL;
        for (int i = 0; i < ids.size(); i++) {
            int winners = 0;
            for (int c = 0; c < perCertificate; c++) {
                var outcome = calls.get(i * perCertificate + c).get();
                if (outcome.isRight()) {
                    winners++;
                } else {
                    assertThat(outcome.getLeft().code()).isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
                }
            }
            var after = stored(ids.get(i));
            assertThat(winners).as("winners for certificate %d", i).isEqualTo(1);
            assertThat(after.version()).as("exactly one change committed").isEqualTo(versions.get(i) + 1);
            assertThat(after.status()).isIn(CertificateStatus.ACTIVE, CertificateStatus.INACTIVE);
            var owners = service.describeCertificate(ALICE, after.id()).isRight() ? 1 : 0;
            owners += service.describeCertificate(BOB, after.id()).isRight() ? 1 : 0;
            assertThat(owners)
                    .as("exactly one account sees the settled certificate")
                    .isEqualTo(1);
        }
        for (var account : List.of(ALICE, BOB)) {
            var owned = ids.stream()
                    .filter(id -> stored(id).owner().equals(account.account()))
                    .toList();
            var listed = service.listCertificates(account, PageRequest.FIRST)
                    .get()
                    .items()
                    .map(c -> c.id());
            assertThat(listed)
                    .as("after the races, %s lists exactly what it owns", account.account())
                    .containsExactlyInAnyOrderElementsOf(owned);
            assertThat(service.listOutgoingCertificates(account, PageRequest.FIRST)
                            .get()
                            .items())
                    .isEmpty();
        }
    }

    private static Callable<Either<Refusal, Certificate>> racer(
            CyclicBarrier barrier, Callable<Either<Refusal, Certificate>> call) {
        return () -> {
            barrier.await();
            return call.call();
        };
    }
}
