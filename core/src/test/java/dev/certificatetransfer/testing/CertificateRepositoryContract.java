package dev.certificatetransfer.testing;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.spi.PendingTransferKey;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The contract every {@link CertificateRepository} passes: compare-and-set commits that record their event,
 * exact round trips of every field, keyset listings, and the expiry sweep's keyset pages of due transfers. Extend it,
 * create a fresh empty repository in
 * {@link #newRepository()}, and return what the repository recorded or published in {@link #recordedEvents()}.
 */
public abstract class CertificateRepositoryContract {

    protected CertificateRepository repository;
    private final TickingClock clock = new TickingClock();

    /** A new, empty repository; called before every test. */
    protected abstract CertificateRepository newRepository();

    /** The events the repository under test recorded (outbox) or published, oldest first. */
    protected abstract Seq<CertificateEvent> recordedEvents();

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    /**
     * A caller of the account with a name of its own (not the root's), so that an adapter that stores events must
     * keep the principal's name as well as its account.
     */
    protected static Principal by(AccountId account) {
        return new Principal(account, "tenant:" + account.value() + "/user:ops");
    }

    protected Certificate register(int index, AccountId owner) {
        var parsed = TestCertificates.parsed(index);
        var event = new CertificateRegistered(
                parsed.id(),
                by(owner),
                parsed.pem(),
                parsed.validity(),
                CertificateMode.SNI_ONLY,
                CertificateStatus.INACTIVE,
                clock.instant(),
                repository.find(parsed.id()).nextVersion());
        return commitOrFail(CertificateChange.of(Option.none(), event));
    }

    /** The certificate stored under the id now, if any. */
    protected Option<Certificate> found(dev.certificatetransfer.domain.CertificateId id) {
        return repository.find(id).certificate();
    }

    protected Certificate apply(Certificate current, CertificateEvent event) {
        return commitOrFail(CertificateChange.of(Option.some(current), event));
    }

    private Certificate commitOrFail(CertificateChange change) {
        assertThat(repository.commit(change)).isEqualTo(CommitOutcome.COMMITTED);
        return change.after().getOrNull();
    }

    private TransferRequested transferTo(Certificate c, AccountId target) {
        return new TransferRequested(
                c.id(),
                by(c.owner()),
                target,
                Option.some(new TransferMessage("yours, Bob")),
                c.status(),
                clock.instant(),
                c.nextVersion());
    }

    private CertificateStatusChanged statusChange(Certificate c, CertificateStatus to) {
        return new CertificateStatusChanged(c.id(), by(c.owner()), c.status(), to, clock.instant(), c.nextVersion());
    }

    private CertificateDeleted deletion(Certificate c) {
        return new CertificateDeleted(c.id(), by(c.owner()), c.status(), clock.instant(), c.nextVersion());
    }

    /** Follows pages of 4 in both orders: together they are {@code oldestFirst}, in order, each exactly once. */
    private static void assertPagesInBothOrders(
            java.util.function.Function<ListingQuery, Seq<Certificate>> listing, List<Certificate> oldestFirst) {
        for (var order : SortOrder.values()) {
            var seen = new ArrayList<Certificate>();
            var query = first(4, order);
            while (true) {
                var page = listing.apply(query);
                seen.addAll(page.asJava());
                if (page.size() < query.limit()) {
                    break;
                }
                query = new ListingQuery(Option.some(ListingKey.of(page.last())), order, query.limit());
            }
            var expected = new ArrayList<>(oldestFirst);
            if (order == SortOrder.DESCENDING) {
                java.util.Collections.reverse(expected);
            }
            assertThat(seen).as("%s", order).containsExactlyElementsOf(expected);
        }
    }

    private static ListingQuery first(int limit, SortOrder order) {
        return new ListingQuery(Option.none(), order, limit);
    }

    @Nested
    class Commit {

        @Test
        void an_unknown_certificate_is_not_found() {
            assertThat(found(TestCertificates.id(0))).isEmpty();
        }

        @Test
        void a_registration_is_found_exactly_as_committed() {
            var registered = register(0, ALICE);
            assertThat(found(registered.id())).containsExactly(registered);
        }

        @Test
        void every_field_of_an_accepted_transfer_survives_the_round_trip() {
            var registered = register(0, ALICE);
            var pending = apply(registered, transferTo(registered, BOB));
            assertThat(found(pending.id())).containsExactly(pending);
            var accepted = apply(
                    pending,
                    new TransferAccepted(
                            pending.id(),
                            by(BOB),
                            ALICE,
                            CertificateStatus.ACTIVE,
                            clock.instant(),
                            pending.nextVersion()));
            assertThat(found(accepted.id())).containsExactly(accepted);
            assertThat(accepted.previousOwner()).contains(ALICE);
        }

        @Test
        void every_field_of_a_rejected_transfer_survives_the_round_trip() {
            var registered = register(0, ALICE);
            var pending = apply(registered, transferTo(registered, BOB));
            var rejected = apply(
                    pending,
                    new TransferRejected(
                            pending.id(),
                            by(BOB),
                            ALICE,
                            Option.some(new RejectReason("not ours")),
                            clock.instant(),
                            pending.nextVersion()));
            assertThat(found(rejected.id())).containsExactly(rejected);
        }

        @Test
        void a_second_registration_of_the_same_id_conflicts_and_writes_nothing() {
            var registered = register(0, ALICE);
            var parsed = TestCertificates.parsed(0);
            var again = CertificateChange.of(
                    Option.none(),
                    new CertificateRegistered(
                            parsed.id(),
                            by(BOB),
                            parsed.pem(),
                            parsed.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.ACTIVE,
                            clock.instant(),
                            1));
            assertThat(repository.commit(again)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(registered.id())).containsExactly(registered);
        }

        @Test
        void a_change_decided_on_a_stale_version_conflicts_and_writes_nothing() {
            var registered = register(0, ALICE);
            var activated = apply(registered, statusChange(registered, CertificateStatus.ACTIVE));
            var stale =
                    CertificateChange.of(Option.some(registered), statusChange(registered, CertificateStatus.REVOKED));
            assertThat(repository.commit(stale)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(registered.id())).containsExactly(activated);
        }

        @Test
        void a_deletion_removes_the_certificate_and_a_stale_one_conflicts() {
            var registered = register(0, ALICE);
            var delete = CertificateChange.of(Option.some(registered), deletion(registered));
            assertThat(repository.commit(delete)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(found(registered.id())).isEmpty();
            assertThat(repository.commit(delete)).isEqualTo(CommitOutcome.CONFLICT);
        }

        @Test
        void a_deleted_certificate_can_be_registered_again() {
            var registered = register(0, ALICE);
            apply(registered, deletion(registered));
            var again = register(0, BOB);
            assertThat(found(again.id())).containsExactly(again);
        }

        @Test
        void a_deleted_certificate_leaves_its_version_so_a_new_registration_continues_after_it() {
            var registered = register(0, ALICE);
            var deleted = deletion(registered);
            apply(registered, deleted);
            assertThat(repository.find(registered.id()).certificate()).isEmpty();
            assertThat(repository.find(registered.id()).version()).isEqualTo(deleted.version());
            var again = register(0, ALICE);
            assertThat(again.version()).isEqualTo(deleted.version() + 1);
            assertThat(again.customerVersion())
                    .as("AWS's customerVersion restarts")
                    .isEqualTo(1);
        }

        @Test
        void a_registration_decided_before_a_deletion_cannot_land_on_the_tombstone_of_a_later_one() {
            var registered = register(0, ALICE);
            apply(registered, deletion(registered));
            var parsed = TestCertificates.parsed(0);
            var decidedOnNothing = CertificateChange.of(
                    Option.none(),
                    new CertificateRegistered(
                            parsed.id(),
                            by(CAROL),
                            parsed.pem(),
                            parsed.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            clock.instant(),
                            1));
            assertThat(repository.commit(decidedOnNothing)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(registered.id())).isEmpty();
        }

        @Test
        void a_stale_change_after_delete_and_re_register_by_the_same_account_conflicts() {
            var old = register(0, ALICE);
            var staleTransfer = CertificateChange.of(Option.some(old), transferTo(old, BOB));
            apply(old, deletion(old));
            var renewed = register(0, ALICE);
            assertThat(repository.commit(staleTransfer)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(old.id())).containsExactly(renewed);
            assertThat(repository.listVisibleTo(BOB, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(repository.listOutgoing(ALICE, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
        }

        @Test
        void a_stale_change_after_delete_and_re_register_by_another_account_conflicts_even_at_the_same_version() {
            var old = register(0, ALICE);
            var oldActive = apply(old, statusChange(old, CertificateStatus.ACTIVE));
            var oldInactive = apply(oldActive, statusChange(oldActive, CertificateStatus.INACTIVE));
            var staleTransfer = CertificateChange.of(Option.some(oldInactive), transferTo(oldInactive, BOB));
            apply(oldInactive, deletion(oldInactive));
            var carols = register(0, CAROL);
            carols = apply(carols, statusChange(carols, CertificateStatus.ACTIVE));
            carols = apply(carols, statusChange(carols, CertificateStatus.INACTIVE));
            assertThat(carols.customerVersion())
                    .as("Carol's certificate has reached the customerVersion the stale change" + " was decided on")
                    .isEqualTo(oldInactive.customerVersion());

            assertThat(repository.commit(staleTransfer)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(old.id())).containsExactly(carols);
            assertThat(repository.listVisibleTo(BOB, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(repository.listVisibleTo(CAROL, first(10, SortOrder.ASCENDING)))
                    .containsExactly(carols);
            assertThat(recordedEvents().map(CertificateEvent::version))
                    .as("versions never repeat for the id")
                    .doesNotHaveDuplicates();
        }

        @Test
        void a_stale_deletion_cannot_remove_a_new_registration() {
            var old = register(0, ALICE);
            var staleDelete = CertificateChange.of(Option.some(old), deletion(old));
            apply(old, deletion(old));
            var renewed = register(0, BOB);
            assertThat(repository.commit(staleDelete)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(old.id())).containsExactly(renewed);
        }

        @Test
        void every_recorded_event_carries_the_version_it_gave_the_certificate() {
            var registered = register(0, ALICE);
            var pending = apply(registered, transferTo(registered, BOB));
            var cancelled = apply(
                    pending,
                    new CertificateEvent.TransferCancelled(
                            pending.id(), by(ALICE), BOB, clock.instant(), pending.nextVersion()));
            apply(cancelled, deletion(cancelled));
            assertThat(recordedEvents().map(CertificateEvent::version)).containsExactly(1L, 2L, 3L, 4L);
        }

        @Test
        void exactly_the_committed_events_are_recorded_in_commit_order() {
            var registered = register(0, ALICE);
            var stale = CertificateChange.of(
                    Option.none(),
                    new CertificateRegistered(
                            registered.id(),
                            by(BOB),
                            registered.pem(),
                            registered.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            clock.instant(),
                            1));
            repository.commit(stale);
            var transfer = transferTo(registered, BOB);
            apply(registered, transfer);
            assertThat(recordedEvents().map(CertificateEvent::type))
                    .containsExactly(
                            CertificateEvent.EventType.CERTIFICATE_REGISTERED,
                            CertificateEvent.EventType.TRANSFER_REQUESTED);
            assertThat(recordedEvents().last()).isEqualTo(transfer);
        }

        @Test
        void of_many_threads_committing_on_one_version_exactly_one_wins() throws Exception {
            var registered = register(0, ALICE);
            int threads = 8;
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<CommitOutcome>> outcomes = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    var target = i % 2 == 0 ? BOB : CAROL;
                    var change = CertificateChange.of(Option.some(registered), transferTo(registered, target));
                    Callable<CommitOutcome> commit = () -> {
                        start.await();
                        return repository.commit(change);
                    };
                    outcomes.add(pool.submit(commit));
                }
                start.countDown();
                long winners = 0;
                for (var outcome : outcomes) {
                    winners += outcome.get() == CommitOutcome.COMMITTED ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
                assertThat(found(registered.id()).get().version()).isEqualTo(registered.version() + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class RoundTrips {

        @Test
        void every_registrable_status_survives_the_round_trip() {
            for (var status : List.of(
                    CertificateStatus.ACTIVE,
                    CertificateStatus.REVOKED,
                    CertificateStatus.REGISTER_INACTIVE,
                    CertificateStatus.PENDING_ACTIVATION)) {
                int index = List.of(CertificateStatus.values()).indexOf(status) % TestCertificates.COUNT;
                var parsed = TestCertificates.parsed(index);
                var registered = commitOrFail(CertificateChange.of(
                        Option.none(),
                        new CertificateRegistered(
                                parsed.id(),
                                by(ALICE),
                                parsed.pem(),
                                parsed.validity(),
                                CertificateMode.SNI_ONLY,
                                status,
                                clock.instant(),
                                1)));
                assertThat(found(registered.id())).as("%s", status).containsExactly(registered);
            }
        }

        @Test
        void a_cancelled_transfer_survives_the_round_trip_with_its_message_and_dates() {
            var registered = register(0, ALICE);
            var pending = apply(registered, transferTo(registered, BOB));
            var cancelled = apply(
                    pending,
                    new CertificateEvent.TransferCancelled(
                            pending.id(), by(ALICE), BOB, clock.instant(), pending.nextVersion()));
            assertThat(found(cancelled.id())).containsExactly(cancelled);
        }

        /**
         * Tenant accounts of the longest form and principals whose names hold a NUL, a backslash, a line break and a
         * character outside the BMP: every event kind is recorded with every field, the actor's name included, and
         * replaying the recorded events rebuilds the stored state.
         */
        @Test
        void every_event_of_tenant_accounts_is_recorded_with_its_principal_and_every_field() {
            var acme = new AccountId("acme." + "a".repeat(59));
            var globex = new AccountId("Globex_EU-1");
            var ops = new Principal(acme, "tenant:acme/user:ops \u0000 \\0 \n 😀 " + "n".repeat(2000));
            var auditor = new Principal(globex, "tenant:globex/user:auditor");
            var parsed = TestCertificates.parsed(0);
            var events = new ArrayList<CertificateEvent>();
            var c = commitAll(
                    events,
                    null,
                    new CertificateRegistered(
                            parsed.id(),
                            ops,
                            parsed.pem(),
                            parsed.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            clock.instant(),
                            1));
            c = commitAll(
                    events,
                    c,
                    new TransferRequested(
                            c.id(),
                            ops,
                            globex,
                            Option.some(new TransferMessage("to \u0000 you")),
                            c.status(),
                            clock.instant(),
                            c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new TransferRejected(
                            c.id(),
                            auditor,
                            acme,
                            Option.some(new RejectReason("no \\ thanks")),
                            clock.instant(),
                            c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new TransferRequested(
                            c.id(), ops, globex, Option.none(), c.status(), clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new CertificateEvent.TransferCancelled(c.id(), ops, globex, clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new TransferRequested(
                            c.id(), ops, globex, Option.none(), c.status(), clock.instant(), c.nextVersion()));
            c = commitAll(events, c, new TransferExpired(c.id(), globex, clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new TransferRequested(
                            c.id(), ops, globex, Option.none(), c.status(), clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new TransferAccepted(
                            c.id(), auditor, acme, CertificateStatus.INACTIVE, clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new CertificateStatusChanged(
                            c.id(), auditor, c.status(), CertificateStatus.ACTIVE, clock.instant(), c.nextVersion()));
            c = commitAll(
                    events,
                    c,
                    new CertificateStatusChanged(
                            c.id(), auditor, c.status(), CertificateStatus.INACTIVE, clock.instant(), c.nextVersion()));
            var stored = found(c.id());
            assertThat(stored).containsExactly(c);
            assertThat(CertificateChange.replay(recordedEvents())).isEqualTo(stored);
            commitAll(events, c, new CertificateDeleted(c.id(), auditor, c.status(), clock.instant(), c.nextVersion()));

            assertThat(recordedEvents()).containsExactlyElementsOf(events);
            assertThat(recordedEvents().map(CertificateEvent::actor))
                    .containsExactly(
                            ops, ops, auditor, ops, ops, ops, Actor.system(), ops, auditor, auditor, auditor, auditor);
            assertThat(found(c.id())).isEmpty();
        }

        private Certificate commitAll(List<CertificateEvent> events, Certificate current, CertificateEvent event) {
            events.add(event);
            return commitOrFail(CertificateChange.of(Option.of(current), event));
        }

        @Test
        void an_expired_transfer_and_its_system_event_survive_the_round_trip() {
            var registered = register(0, ALICE);
            var pending = apply(registered, transferTo(registered, BOB));
            var event = new TransferExpired(pending.id(), BOB, clock.instant(), pending.nextVersion());
            var expired = apply(pending, event);
            assertThat(found(expired.id())).containsExactly(expired);
            assertThat(expired.lastTransfer().get().status()).isEqualTo(TransferStatus.EXPIRED);
            assertThat(recordedEvents().last()).isEqualTo(event);
            assertThat(recordedEvents().last().actor()).isEqualTo(Actor.system());
        }
    }

    @Nested
    class DueTransfers {

        private static final Instant BASE = Instant.parse("2026-03-03T03:03:03Z");

        /** Certificate {@code index} of Alice, offered to Bob at {@code BASE + offsetMillis}. */
        private Certificate pendingAt(int index, long offsetMillis) {
            var registered = register(index, ALICE);
            var at = BASE.plusMillis(offsetMillis);
            return apply(
                    registered,
                    new TransferRequested(
                            registered.id(),
                            by(ALICE),
                            BOB,
                            Option.none(),
                            registered.status(),
                            at.isBefore(registered.lastModifiedDate()) ? registered.lastModifiedDate() : at,
                            registered.nextVersion()));
        }

        private Instant later(Certificate c) {
            return c.lastModifiedDate().plusMillis(1);
        }

        private Seq<Certificate> due(Instant by, Option<PendingTransferKey> after, int limit) {
            return repository.listDueTransfers(new DueTransfersQuery(by, after, limit));
        }

        @Test
        void pending_transfers_dated_at_or_before_the_bound_are_listed_oldest_first() {
            var later = pendingAt(0, 20);
            var oldest = pendingAt(1, 10);
            var atTheBound = pendingAt(2, 30);
            pendingAt(3, 31);
            assertThat(due(BASE.plusMillis(30), Option.none(), 10)).containsExactly(oldest, later, atTheBound);
            assertThat(due(BASE.plusMillis(29), Option.none(), 10)).containsExactly(oldest, later);
            assertThat(due(BASE.plusMillis(9), Option.none(), 10)).isEmpty();
        }

        @Test
        void pages_continue_strictly_after_the_key_and_respect_the_limit() {
            var expected = List.of(pendingAt(0, 10), pendingAt(1, 20), pendingAt(2, 30), pendingAt(3, 40));
            var seen = new ArrayList<Certificate>();
            Option<PendingTransferKey> after = Option.none();
            while (true) {
                var page = due(BASE.plusMillis(40), after, 3);
                assertThat(page.size()).isLessThanOrEqualTo(3);
                seen.addAll(page.asJava());
                if (page.size() < 3) {
                    break;
                }
                after = PendingTransferKey.of(page.last());
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(due(BASE.plusMillis(40), PendingTransferKey.of(expected.get(3)), 3))
                    .isEmpty();
        }

        @Test
        void transfers_of_the_same_millisecond_are_ordered_by_id() {
            var same = new ArrayList<Certificate>();
            for (int i = 0; i < 3; i++) {
                same.add(pendingAt(i, 5_000));
            }
            same.sort(java.util.Comparator.comparing(c -> c.id().value()));
            assertThat(due(BASE.plusMillis(5_000), Option.none(), 10)).containsExactlyElementsOf(same);
            assertThat(due(BASE.plusMillis(5_000), PendingTransferKey.of(same.get(0)), 10))
                    .containsExactlyElementsOf(same.subList(1, 3));
        }

        @Test
        void transfers_that_completed_in_any_way_or_were_never_made_are_not_listed() {
            var accepted = pendingAt(0, 10);
            apply(
                    accepted,
                    new TransferAccepted(
                            accepted.id(),
                            by(BOB),
                            ALICE,
                            CertificateStatus.INACTIVE,
                            later(accepted),
                            accepted.nextVersion()));
            var rejected = pendingAt(1, 10);
            apply(
                    rejected,
                    new TransferRejected(
                            rejected.id(), by(BOB), ALICE, Option.none(), later(rejected), rejected.nextVersion()));
            var cancelled = pendingAt(2, 10);
            apply(
                    cancelled,
                    new CertificateEvent.TransferCancelled(
                            cancelled.id(), by(ALICE), BOB, later(cancelled), cancelled.nextVersion()));
            var expired = pendingAt(3, 10);
            apply(expired, new TransferExpired(expired.id(), BOB, later(expired), expired.nextVersion()));
            register(4, ALICE);
            var still = pendingAt(5, 10);
            assertThat(due(BASE.plusMillis(1_000), Option.none(), 10)).containsExactly(still);
        }

        @Test
        void a_transfer_opened_again_is_listed_at_its_new_date() {
            var first = pendingAt(0, 10);
            var cancelled = apply(
                    first,
                    new CertificateEvent.TransferCancelled(
                            first.id(), by(ALICE), BOB, later(first), first.nextVersion()));
            var reopened = apply(
                    cancelled,
                    new TransferRequested(
                            first.id(),
                            by(ALICE),
                            CAROL,
                            Option.none(),
                            CertificateStatus.INACTIVE,
                            later(cancelled),
                            cancelled.nextVersion()));
            var other = pendingAt(1, 10);
            assertThat(due(reopened.lastModifiedDate(), Option.none(), 10)).containsExactly(other, reopened);
            assertThat(due(reopened.lastModifiedDate().minusMillis(1), Option.none(), 10))
                    .containsExactly(other);
        }
    }

    @Nested
    class ListingBounds {

        /** Three certificates registered one millisecond apart, at {@code base}, base+1ms, base+2ms. */
        private List<Certificate> threeAt(Instant base) {
            var registered = new ArrayList<Certificate>();
            for (int i = 0; i < 3; i++) {
                var parsed = TestCertificates.parsed(i);
                registered.add(commitOrFail(CertificateChange.of(
                        Option.none(),
                        new CertificateRegistered(
                                parsed.id(),
                                by(ALICE),
                                parsed.pem(),
                                parsed.validity(),
                                CertificateMode.SNI_ONLY,
                                CertificateStatus.INACTIVE,
                                base.plusMillis(i),
                                1))));
            }
            return registered;
        }

        private Seq<Certificate> after(Instant date, String id, SortOrder order) {
            var key = new dev.certificatetransfer.spi.ListingKey(
                    date, dev.certificatetransfer.domain.CertificateId.parse(id).get());
            return repository.listVisibleTo(ALICE, new ListingQuery(Option.some(key), order, 10));
        }

        @Test
        void a_key_between_two_milliseconds_is_an_exact_bound_in_both_orders() {
            var base = Instant.parse("2026-03-03T03:03:03.100Z");
            var c = threeAt(base);
            var half = base.plusMillis(1).plusNanos(500_000);
            var anyId = "0".repeat(64);
            assertThat(after(half, anyId, SortOrder.ASCENDING)).containsExactly(c.get(2));
            assertThat(after(half, anyId, SortOrder.DESCENDING)).containsExactly(c.get(1), c.get(0));
        }

        @Test
        void keys_before_1970_and_at_the_ends_of_time_bound_the_listing_without_failing() {
            var c = threeAt(Instant.parse("2026-03-03T03:03:03Z"));
            var anyId = "f".repeat(64);
            assertThat(after(Instant.ofEpochSecond(-1), anyId, SortOrder.ASCENDING))
                    .containsExactlyElementsOf(c);
            assertThat(after(Instant.ofEpochSecond(-1), anyId, SortOrder.DESCENDING))
                    .isEmpty();
            assertThat(after(Instant.MIN, anyId, SortOrder.ASCENDING)).containsExactlyElementsOf(c);
            assertThat(after(Instant.MIN, anyId, SortOrder.DESCENDING)).isEmpty();
            assertThat(after(Instant.MAX, anyId, SortOrder.ASCENDING)).isEmpty();
            assertThat(after(Instant.MAX, anyId, SortOrder.DESCENDING)).containsExactly(c.get(2), c.get(1), c.get(0));
        }
    }

    @Nested
    class OutgoingListing {

        @Test
        void a_transfer_that_completes_in_any_way_leaves_the_outgoing_listing() {
            var accepted = apply(
                    pendingAtBob(0),
                    new TransferAccepted(
                            TestCertificates.id(0), by(BOB), ALICE, CertificateStatus.INACTIVE, clock.instant(), 3));
            var rejected = apply(
                    pendingAtBob(1),
                    new TransferRejected(TestCertificates.id(1), by(BOB), ALICE, Option.none(), clock.instant(), 3));
            var cancelled = apply(
                    pendingAtBob(2),
                    new CertificateEvent.TransferCancelled(TestCertificates.id(2), by(ALICE), BOB, clock.instant(), 3));
            var pending = pendingAtBob(3);
            assertThat(repository.listOutgoing(ALICE, first(10, SortOrder.ASCENDING)))
                    .containsExactly(pending);
            apply(pending, new CertificateEvent.TransferCancelled(pending.id(), by(ALICE), BOB, clock.instant(), 3));
            assertThat(repository.listOutgoing(ALICE, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(repository.listOutgoing(BOB, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(List.of(accepted.owner(), rejected.owner(), cancelled.owner()))
                    .containsExactly(BOB, ALICE, ALICE);
        }

        @Test
        void outgoing_pages_continue_after_the_key_in_both_orders() {
            var all = new ArrayList<Certificate>();
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                all.add(pendingAtBob(i));
            }
            assertPagesInBothOrders(query -> repository.listOutgoing(ALICE, query), all);
        }

        @Test
        void after_deletion_and_registration_by_another_account_only_the_new_owner_lists_it() {
            var alices = register(0, ALICE);
            apply(alices, deletion(alices));
            var bobs = register(0, BOB);
            var pending = apply(bobs, transferTo(bobs, CAROL));
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(repository.listOutgoing(ALICE, first(10, SortOrder.ASCENDING)))
                    .isEmpty();
            assertThat(repository.listVisibleTo(BOB, first(10, SortOrder.ASCENDING)))
                    .containsExactly(pending);
            assertThat(repository.listOutgoing(BOB, first(10, SortOrder.ASCENDING)))
                    .containsExactly(pending);
            assertThat(repository.listVisibleTo(CAROL, first(10, SortOrder.ASCENDING)))
                    .containsExactly(pending);
        }

        private Certificate pendingAtBob(int index) {
            var registered = register(index, ALICE);
            return apply(registered, transferTo(registered, BOB));
        }
    }

    @Nested
    class Listing {

        @Test
        void an_account_sees_what_it_owns_and_what_is_pending_to_it_newest_first() {
            var a0 = register(0, ALICE);
            var a1 = register(1, ALICE);
            var c2 = register(2, CAROL);
            var toAlice = apply(c2, transferTo(c2, ALICE));
            register(3, BOB);
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.DESCENDING)))
                    .containsExactly(toAlice, a1, a0);
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.ASCENDING)))
                    .containsExactly(a0, a1, toAlice);
        }

        @Test
        void an_accepted_certificate_moves_to_the_target_and_a_cancelled_one_leaves_it() {
            var a0 = register(0, ALICE);
            var a1 = register(1, ALICE);
            var pending0 = apply(a0, transferTo(a0, BOB));
            var pending1 = apply(a1, transferTo(a1, BOB));
            var accepted = apply(
                    pending0,
                    new TransferAccepted(
                            a0.id(),
                            by(BOB),
                            ALICE,
                            CertificateStatus.INACTIVE,
                            clock.instant(),
                            pending0.nextVersion()));
            var rejected = apply(
                    pending1,
                    new TransferRejected(
                            a1.id(), by(BOB), ALICE, Option.none(), clock.instant(), pending1.nextVersion()));
            assertThat(repository.listVisibleTo(BOB, first(10, SortOrder.ASCENDING)))
                    .containsExactly(accepted);
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.ASCENDING)))
                    .containsExactly(rejected);
        }

        @Test
        void pages_continue_after_the_key_without_repeating_or_skipping() {
            var all = new ArrayList<Certificate>();
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                all.add(register(i, ALICE));
            }
            assertPagesInBothOrders(query -> repository.listVisibleTo(ALICE, query), all);
        }

        @Test
        void outgoing_lists_only_the_owners_certificates_pending_transfer() {
            var a0 = register(0, ALICE);
            register(1, ALICE);
            var c2 = register(2, CAROL);
            var outgoing = apply(a0, transferTo(a0, BOB));
            apply(c2, transferTo(c2, ALICE));
            assertThat(repository.listOutgoing(ALICE, first(10, SortOrder.DESCENDING)))
                    .containsExactly(outgoing);
            assertThat(repository.listOutgoing(BOB, first(10, SortOrder.DESCENDING)))
                    .isEmpty();
        }

        @Test
        void a_deleted_certificate_is_listed_no_more() {
            var a0 = register(0, ALICE);
            apply(a0, deletion(a0));
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.DESCENDING)))
                    .isEmpty();
        }

        @Test
        void a_stranger_lists_nothing() {
            register(0, ALICE);
            assertThat(repository.listVisibleTo(CAROL, first(10, SortOrder.DESCENDING)))
                    .isEmpty();
            assertThat(repository.listOutgoing(CAROL, first(10, SortOrder.DESCENDING)))
                    .isEmpty();
        }

        @Test
        void certificates_created_in_the_same_millisecond_are_ordered_by_id() {
            var at = Instant.parse("2026-05-05T05:05:05Z");
            var ids = new ArrayList<Certificate>();
            for (int i = 0; i < 3; i++) {
                var parsed = TestCertificates.parsed(i);
                ids.add(commitOrFail(CertificateChange.of(
                        Option.none(),
                        new CertificateRegistered(
                                parsed.id(),
                                by(ALICE),
                                parsed.pem(),
                                parsed.validity(),
                                CertificateMode.SNI_ONLY,
                                CertificateStatus.INACTIVE,
                                at,
                                1))));
            }
            ids.sort(java.util.Comparator.comparing(c -> c.id().value()));
            assertThat(repository.listVisibleTo(ALICE, first(10, SortOrder.ASCENDING)))
                    .containsExactlyElementsOf(ids);
        }
    }

    /** What an account owns, as the quota counts it (docs/behaviour.md#15-account-quotas). */
    @Nested
    class Usage {

        private AccountUsage of(Certificate... certificates) {
            var usage = AccountUsage.NONE;
            for (var c : certificates) {
                usage = usage.plus(AccountUsage.of(c.pem()));
            }
            return usage;
        }

        @Test
        void an_account_that_owns_nothing_has_no_usage() {
            assertThat(repository.usage(ALICE)).isEqualTo(AccountUsage.NONE);
        }

        @Test
        void every_certificate_the_account_owns_counts_with_its_pem_length_whatever_its_status() {
            var inactive = register(0, ALICE);
            var active = apply(
                    register(1, ALICE),
                    statusChange(found(TestCertificates.id(1)).get(), CertificateStatus.ACTIVE));
            var bobs = register(2, BOB);

            assertThat(repository.usage(ALICE)).isEqualTo(of(inactive, active));
            assertThat(repository.usage(ALICE).pemBytes())
                    .isEqualTo((long) inactive.pem().value().length()
                            + active.pem().value().length());
            assertThat(repository.usage(BOB)).isEqualTo(of(bobs));
            assertThat(repository.usage(CAROL)).isEqualTo(AccountUsage.NONE);
        }

        @Test
        void a_certificate_pending_transfer_counts_for_its_owner_until_the_target_accepts() {
            var kept = register(0, ALICE);
            var offered = register(1, ALICE);
            var pending = apply(offered, transferTo(offered, BOB));

            assertThat(repository.usage(ALICE)).isEqualTo(of(kept, offered));
            assertThat(repository.usage(BOB)).isEqualTo(AccountUsage.NONE);

            var accepted = apply(
                    pending,
                    new TransferAccepted(
                            pending.id(),
                            by(BOB),
                            ALICE,
                            CertificateStatus.ACTIVE,
                            clock.instant(),
                            pending.nextVersion()));
            assertThat(repository.usage(ALICE)).isEqualTo(of(kept));
            assertThat(repository.usage(BOB)).isEqualTo(of(accepted));
        }

        @Test
        void a_rejected_transfer_leaves_the_certificate_counted_for_its_owner() {
            var c = register(0, ALICE);
            var pending = apply(c, transferTo(c, BOB));
            apply(
                    pending,
                    new TransferRejected(
                            pending.id(), by(BOB), ALICE, Option.none(), clock.instant(), pending.nextVersion()));

            assertThat(repository.usage(ALICE)).isEqualTo(of(c));
            assertThat(repository.usage(BOB)).isEqualTo(AccountUsage.NONE);
        }

        @Test
        void a_deleted_certificate_counts_no_more_and_a_lost_commit_counts_nothing() {
            var kept = register(0, ALICE);
            var deleted = register(1, ALICE);
            apply(deleted, deletion(deleted));
            var stale = CertificateChange.of(Option.some(kept), statusChange(kept, CertificateStatus.ACTIVE));
            apply(kept, statusChange(kept, CertificateStatus.REVOKED));

            assertThat(repository.commit(stale)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.usage(ALICE)).isEqualTo(of(kept));
        }
    }
}
