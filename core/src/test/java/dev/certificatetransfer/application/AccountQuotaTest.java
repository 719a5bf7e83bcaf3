package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The account quota of docs/behaviour.md#15-account-quotas through the service: registration and acceptance are
 * refused past either limit, a refusal changes nothing, the check comes after every other one, storage is asked
 * only when a limit is set, and concurrent registrations pass the limit by at most the number running at once.
 */
class AccountQuotaTest {

    /** The PEM length of certificate 0 and of all its variants. */
    private static final long PEM_LENGTH =
            TestCertificates.parsed(0).pem().value().length();

    private static AccountQuota certificates(long max) {
        return new AccountQuota(max, AccountQuota.UNLIMITED);
    }

    private static Either<Refusal, RegisterCertificateResult> registerVariant(ServiceFixture f, int n) {
        return f.service.registerCertificateWithoutCa(
                ServiceFixture.ALICE, TestCertificates.variant(n), CertificateStatus.INACTIVE);
    }

    @Nested
    class Register {

        private final ServiceFixture f = new ServiceFixture(certificates(3));

        @Test
        void an_account_registers_up_to_its_limit_and_the_next_one_is_refused_until_it_deletes_one() {
            var first = f.registered(0, ServiceFixture.ALICE);
            f.registered(1, ServiceFixture.ALICE);
            f.registered(2, ServiceFixture.ALICE);

            var refusal = f.refused(
                    () -> f.service.registerCertificateWithoutCa(
                            ServiceFixture.ALICE, TestCertificates.parsed(3), CertificateStatus.INACTIVE),
                    RefusalCode.LIMIT_EXCEEDED);
            assertThat(refusal.message()).contains("owns 3 certificates");

            f.service.deleteCertificate(ServiceFixture.ALICE, first, false).get();
            assertThat(f.registered(3, ServiceFixture.ALICE)).isEqualTo(TestCertificates.id(3));
        }

        @Test
        void every_certificate_the_account_owns_counts_whatever_its_status_pending_transfer_out_included() {
            f.registered(0, ServiceFixture.ALICE, CertificateStatus.ACTIVE);
            f.registered(1, ServiceFixture.ALICE, CertificateStatus.REVOKED);
            f.pendingFromAliceToBob(2);

            f.refused(
                    () -> f.service.registerCertificateWithoutCa(
                            ServiceFixture.ALICE, TestCertificates.parsed(3), CertificateStatus.INACTIVE),
                    RefusalCode.LIMIT_EXCEEDED);
            assertThat(f.registered(3, ServiceFixture.BOB))
                    .as("Bob, the target of the pending transfer, owns none of them")
                    .isEqualTo(TestCertificates.id(3));
        }

        @Test
        void a_registered_id_answers_already_exists_before_the_quota_and_without_counting() {
            f.registered(0, ServiceFixture.ALICE);
            f.registered(1, ServiceFixture.ALICE);
            f.registered(2, ServiceFixture.ALICE);
            int asked = f.usageQueries.get();

            f.refused(
                    () -> f.service.registerCertificateWithoutCa(
                            ServiceFixture.ALICE, TestCertificates.parsed(1), CertificateStatus.INACTIVE),
                    RefusalCode.ALREADY_EXISTS);
            assertThat(f.usageQueries.get()).isEqualTo(asked);
        }

        @Test
        void the_pem_bytes_count_up_to_the_limit_itself() {
            var exact = new ServiceFixture(new AccountQuota(AccountQuota.UNLIMITED, 2 * PEM_LENGTH));
            assertThat(registerVariant(exact, 1).isRight()).isTrue();
            assertThat(registerVariant(exact, 2).isRight()).isTrue();
            var refused = registerVariant(exact, 3);
            assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.LIMIT_EXCEEDED);
            assertThat(refused.getLeft().message()).contains("bytes of PEM");
            assertThat(exact.repository.usage(Accounts.ALICE).pemBytes()).isEqualTo(2 * PEM_LENGTH);

            var oneShort = new ServiceFixture(new AccountQuota(AccountQuota.UNLIMITED, 2 * PEM_LENGTH - 1));
            assertThat(registerVariant(oneShort, 1).isRight()).isTrue();
            assertThat(registerVariant(oneShort, 2).getLeft().code()).isEqualTo(RefusalCode.LIMIT_EXCEEDED);
            assertThat(oneShort.events.events()).hasSize(1);
        }
    }

    @Nested
    class Accept {

        private final ServiceFixture f = new ServiceFixture(certificates(2));

        @Test
        void a_target_at_its_limit_cannot_accept_and_the_transfer_stays_pending_until_it_makes_room() {
            var own = f.registered(0, ServiceFixture.BOB);
            f.registered(1, ServiceFixture.BOB);
            var offered = f.pendingFromAliceToBob(2);

            f.refused(
                    () -> f.service.acceptCertificateTransfer(ServiceFixture.BOB, offered, true),
                    RefusalCode.LIMIT_EXCEEDED);
            assertThat(f.stored(offered).status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);

            f.service.deleteCertificate(ServiceFixture.BOB, own, false).get();
            assertThat(f.service
                            .acceptCertificateTransfer(ServiceFixture.BOB, offered, true)
                            .get()
                            .owner())
                    .isEqualTo(Accounts.BOB);
        }

        @Test
        void two_accounts_cannot_pass_the_limit_by_handing_certificates_to_each_other() {
            f.registered(0, ServiceFixture.ALICE);
            f.registered(1, ServiceFixture.ALICE);
            f.registered(2, ServiceFixture.BOB);
            f.registered(3, ServiceFixture.BOB);
            f.service
                    .transferCertificate(ServiceFixture.ALICE, TestCertificates.id(0), Accounts.BOB, Option.none())
                    .get();

            f.refused(
                    () -> f.service.acceptCertificateTransfer(ServiceFixture.BOB, TestCertificates.id(0), false),
                    RefusalCode.LIMIT_EXCEEDED);
            assertThat(f.repository.usage(Accounts.ALICE).certificates()).isEqualTo(2);
            assertThat(f.repository.usage(Accounts.BOB).certificates()).isEqualTo(2);
        }

        @Test
        void the_role_is_checked_before_the_quota() {
            f.registered(0, ServiceFixture.ALICE);
            var offered = f.pendingFromAliceToBob(1);

            f.refused(
                    () -> f.service.acceptCertificateTransfer(ServiceFixture.ALICE, offered, false),
                    RefusalCode.UNAUTHORIZED);
        }
    }

    @Nested
    class Cost {

        @Test
        void an_unlimited_service_never_asks_what_an_account_owns() {
            var f = new ServiceFixture(AccountQuota.unlimited());
            f.registered(0, ServiceFixture.ALICE);
            var offered = f.pendingFromAliceToBob(1);
            f.service
                    .acceptCertificateTransfer(ServiceFixture.BOB, offered, false)
                    .get();

            assertThat(f.usageQueries.get()).isZero();
        }

        @Test
        void a_limited_service_asks_once_per_registration_and_acceptance_and_for_nothing_else() {
            var f = new ServiceFixture(certificates(100));
            var offered = f.pendingFromAliceToBob(1);
            f.service.describeCertificate(ServiceFixture.ALICE, offered).get();
            f.service
                    .acceptCertificateTransfer(ServiceFixture.BOB, offered, false)
                    .get();
            f.service
                    .updateCertificate(ServiceFixture.BOB, offered, CertificateStatus.ACTIVE)
                    .get();

            assertThat(f.usageQueries.get())
                    .as("the registration and the acceptance")
                    .isEqualTo(2);
        }
    }

    /**
     * The check reads the usage before the commit, so concurrent registrations by one account can each see room for
     * one more. What holds in every interleaving: a registration that commits read fewer than L owned, and every
     * commit after the last such read comes from a call already running then, so at most L + N - 1 are owned with N
     * callers; and at least L, since every refusal saw L.
     */
    @Nested
    class Concurrently {

        private static final int LIMIT = 3;
        private static final int THREADS = 4;
        private static final int PER_THREAD = 6;

        @Test
        void concurrent_registrations_pass_the_limit_by_at_most_the_callers_running_at_once() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < 50; round++) {
                    race(pool, round);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private void race(ExecutorService pool, int round) throws Exception {
            var f = new ServiceFixture(certificates(LIMIT));
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Future<Integer>>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                calls.add(pool.submit(() -> {
                    start.await();
                    int registered = 0;
                    for (int i = 0; i < PER_THREAD; i++) {
                        var answer = f.service.registerCertificateWithoutCa(
                                ServiceFixture.ALICE,
                                TestCertificates.variant(1 + thread * PER_THREAD + i),
                                CertificateStatus.INACTIVE);
                        if (answer.isRight()) {
                            registered++;
                        } else {
                            assertThat(answer.getLeft().code()).isEqualTo(RefusalCode.LIMIT_EXCEEDED);
                        }
                    }
                    return registered;
                }));
            }
            start.countDown();
            long registered = 0;
            for (var call : calls) {
                registered += call.get(60, TimeUnit.SECONDS);
            }

            AccountUsage owned = f.repository.usage(Accounts.ALICE);
            assertThat(owned.certificates())
                    .as("round %d", round)
                    .isEqualTo(registered)
                    .isBetween((long) LIMIT, (long) LIMIT + THREADS - 1);
            assertThat(f.events.events()).hasSize((int) registered);
            f.refused(
                    () -> f.service.registerCertificateWithoutCa(
                            ServiceFixture.ALICE, TestCertificates.parsed(0), CertificateStatus.INACTIVE),
                    RefusalCode.LIMIT_EXCEEDED);
        }
    }
}
