package dev.certificatetransfer.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.rules.CertificateEvolution;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The stale-key guard of the in-memory listings: an index entry read while a commit moves the certificate is shown
 * only if it still stands for the current certificate.
 */
class AccountIndexTest {

    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = Instant.parse("2026-01-02T00:00:00Z");
    private static final ListingQuery FIRST_PAGE = new ListingQuery(Option.none(), SortOrder.ASCENDING, 25);

    /** The repository's index of visible certificates: the owner's, and the pending target's. */
    private final AccountIndex index = AccountIndex.visible();

    /** What the repository holds now, which the index may lag behind. */
    private final Map<CertificateId, Certificate> current = new HashMap<>();

    @Nested
    class IsListed {

        @Test
        void an_entry_for_the_current_certificate_in_the_accounts_listing_is_listed() {
            var alices = registered(0, Accounts.ALICE, FIRST);
            assertThat(index.isListed(alices, ListingKey.of(alices), Accounts.ALICE))
                    .isTrue();
        }

        @Test
        void an_entry_whose_certificate_is_gone_is_not_listed() {
            var deleted = registered(0, Accounts.ALICE, FIRST);
            assertThat(index.isListed(null, ListingKey.of(deleted), Accounts.ALICE))
                    .isFalse();
        }

        @Test
        void an_entry_left_by_the_previous_registration_of_the_id_is_not_listed() {
            var before = registered(0, Accounts.ALICE, FIRST);
            var registeredAgain = registered(0, Accounts.ALICE, LATER);
            assertThat(index.isListed(registeredAgain, ListingKey.of(before), Accounts.ALICE))
                    .isFalse();
        }

        @Test
        void an_entry_the_accounts_listing_no_longer_holds_is_not_listed() {
            var acceptedByBob = acceptedByBob(registered(0, Accounts.ALICE, FIRST));
            assertThat(index.isListed(acceptedByBob, ListingKey.of(acceptedByBob), Accounts.ALICE))
                    .isFalse();
            assertThat(index.isListed(acceptedByBob, ListingKey.of(acceptedByBob), Accounts.BOB))
                    .isTrue();
        }
    }

    /** The same three cases as a listing sees them: the index still holds an entry a commit is about to move. */
    @Nested
    class Listing {

        @Test
        void a_deleted_certificate_is_not_listed_from_its_stale_entry() {
            index.update(null, registered(0, Accounts.ALICE, FIRST));
            assertThat(listed(Accounts.ALICE)).isEmpty();
        }

        @Test
        void a_certificate_registered_again_is_listed_once_under_its_new_key_only() {
            var before = registered(0, Accounts.ALICE, FIRST);
            var again = registered(0, Accounts.ALICE, LATER);
            index.update(null, before);
            index.update(null, again);
            current.put(again.id(), again);

            assertThat(listed(Accounts.ALICE)).containsExactly(again);
        }

        @Test
        void a_certificate_that_moved_to_another_account_is_not_listed_for_the_old_one() {
            var pending = pendingToBob(registered(0, Accounts.ALICE, FIRST));
            index.update(null, pending);
            var accepted = acceptedByBob(registered(0, Accounts.ALICE, FIRST));
            current.put(accepted.id(), accepted);

            assertThat(listed(Accounts.ALICE)).isEmpty();
            assertThat(listed(Accounts.BOB)).containsExactly(accepted);
        }
    }

    /** A page reads the entries it returns, not the account's other certificates (issue: O(page + log n)). */
    @Nested
    class Cost {

        private static final int OWNED = 10_000;

        @Test
        void an_outgoing_page_looks_up_only_the_pending_certificates_among_ten_thousand_owned() {
            var outgoing = AccountIndex.outgoing();
            var visible = AccountIndex.visible();
            for (int i = 0; i < OWNED; i++) {
                var certificate = synthetic(i);
                var stored = i % 1_000 == 0 ? pendingToBob(certificate) : certificate;
                outgoing.update(null, stored);
                visible.update(null, stored);
                current.put(stored.id(), stored);
            }
            var lookups = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.Function<CertificateId, Certificate> counting = id -> {
                lookups.incrementAndGet();
                return current.get(id);
            };

            assertThat(outgoing.list(Accounts.ALICE, FIRST_PAGE, counting)).hasSize(OWNED / 1_000);
            assertThat(lookups.get())
                    .as("certificates looked up for the outgoing page")
                    .isEqualTo(OWNED / 1_000);
            lookups.set(0);
            var middle = new ListingQuery(Option.some(ListingKey.of(synthetic(OWNED / 2))), SortOrder.DESCENDING, 25);
            assertThat(visible.list(Accounts.ALICE, middle, counting)).hasSize(25);
            assertThat(lookups.get())
                    .as("certificates looked up for a page from the middle")
                    .isEqualTo(25);
        }

        private Certificate synthetic(int i) {
            var template = TestCertificates.parsed(0);
            var id = CertificateId.ofDer(
                    java.nio.ByteBuffer.allocate(4).putInt(i).array());
            return CertificateEvolution.evolve(
                            Option.none(),
                            new CertificateRegistered(
                                    id,
                                    Accounts.principal(Accounts.ALICE),
                                    template.pem(),
                                    template.validity(),
                                    CertificateMode.SNI_ONLY,
                                    CertificateStatus.INACTIVE,
                                    FIRST.plusMillis(i),
                                    1))
                    .get();
        }
    }

    private List<Certificate> listed(AccountId account) {
        return List.ofAll(index.list(account, FIRST_PAGE, current::get));
    }

    private static Certificate registered(int index, AccountId owner, Instant at) {
        var parsed = TestCertificates.parsed(index);
        return CertificateEvolution.evolve(
                        Option.none(),
                        new CertificateRegistered(
                                parsed.id(),
                                Accounts.principal(owner),
                                parsed.pem(),
                                parsed.validity(),
                                CertificateMode.SNI_ONLY,
                                CertificateStatus.INACTIVE,
                                at,
                                1))
                .get();
    }

    private static Certificate pendingToBob(Certificate certificate) {
        return CertificateEvolution.evolve(
                        Option.some(certificate),
                        new TransferRequested(
                                certificate.id(),
                                Accounts.principal(certificate.owner()),
                                Accounts.BOB,
                                Option.none(),
                                certificate.status(),
                                LATER,
                                certificate.nextVersion()))
                .get();
    }

    private static Certificate acceptedByBob(Certificate certificate) {
        var pending = pendingToBob(certificate);
        return CertificateEvolution.evolve(
                        Option.some(pending),
                        new TransferAccepted(
                                pending.id(),
                                Accounts.principal(Accounts.BOB),
                                pending.owner(),
                                CertificateStatus.INACTIVE,
                                LATER,
                                pending.nextVersion()))
                .get();
    }
}
