package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_ALREADY_COMPLETED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/** Transfer expiry, docs/behaviour.md section 14 row by row, on a clock the tests move. */
class TransferExpiryTest {

    static final Duration TTL = Duration.ofHours(1);
    static final Instant T0 = TickingClock.START;
    static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    static final Principal BOB = Accounts.principal(Accounts.BOB);
    static final Principal CAROL = Accounts.principal(Accounts.CAROL);

    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    final MovableClock clock = new MovableClock(T0);
    final CertificateTransferService service = serviceWith(TransferExpiry.after(TTL));

    CertificateTransferService serviceWith(TransferExpiry expiry) {
        return CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .transferExpiry(expiry)
                .build();
    }

    CertificateId registered(int index, Principal owner) {
        return service.registerCertificateWithoutCa(owner, TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
    }

    /** Certificate {@code index}, Alice's, offered to Bob now with the message "for Bob". */
    CertificateId offeredToBob(int index) {
        var id = registered(index, ALICE);
        service.transferCertificate(ALICE, id, Accounts.BOB, Option.some(new TransferMessage("for Bob")))
                .get();
        return id;
    }

    Certificate stored(CertificateId id) {
        return repository.find(id).certificate().get();
    }

    List<CertificateEvent> expiries() {
        return events.events().filter(e -> e.type() == EventType.TRANSFER_EXPIRED);
    }

    static Refusal refusal(Either<Refusal, ?> answer) {
        assertThat(answer.isLeft()).as("expected a refusal, got %s", answer).isTrue();
        return answer.getLeft();
    }

    @Nested
    class TheMomentOfExpiry {

        @Test
        void one_millisecond_before_transfer_date_plus_ttl_the_transfer_is_still_pending() {
            var id = offeredToBob(0);
            clock.advance(TTL.minusMillis(1));
            assertThat(service.describeCertificate(BOB, id).get().status())
                    .isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(service.acceptCertificateTransfer(BOB, id, false).get().owner())
                    .isEqualTo(Accounts.BOB);
            assertThat(expiries()).isEmpty();
        }

        @Test
        void at_transfer_date_plus_ttl_itself_the_transfer_has_expired() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            assertThat(service.describeCertificate(ALICE, id).get().status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(refusal(service.acceptCertificateTransfer(BOB, id, false))
                            .code())
                    .isEqualTo(TRANSFER_ALREADY_COMPLETED);
        }

        @Test
        void without_a_time_to_live_a_transfer_stays_pending_for_ever() {
            var never = serviceWith(TransferExpiry.none());
            var id = offeredToBob(0);
            clock.advance(TransferExpiry.MAX_TTL.multipliedBy(2));
            assertThat(never.describeCertificate(BOB, id).get().status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(never.sweepExpiredTransfers()).isZero();
            assertThat(never.acceptCertificateTransfer(BOB, id, false).isRight())
                    .isTrue();
        }
    }

    @Nested
    class Describe {

        @Test
        void the_source_sees_it_inactive_as_if_the_system_had_cancelled_it_at_the_moment_of_expiry() {
            var id = offeredToBob(0);
            var pending = stored(id);
            clock.advance(TTL.multipliedBy(3));

            var seen = service.describeCertificate(ALICE, id).get();

            assertThat(seen.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(seen.owner()).isEqualTo(Accounts.ALICE);
            assertThat(seen.lastTransfer().get().status()).isEqualTo(TransferStatus.EXPIRED);
            assertThat(seen.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(seen.transferData().transferDate()).contains(T0);
            assertThat(seen.transferData().rejectDate()).isEmpty();
            assertThat(seen.lastModifiedDate()).isEqualTo(T0.plus(TTL));
            assertThat(seen.customerVersion()).isEqualTo(pending.customerVersion() + 1);
        }

        @Test
        void a_describe_that_notices_the_expiry_records_it_once_and_shows_exactly_what_it_wrote() {
            var id = offeredToBob(0);
            clock.advance(TTL.plusMinutes(5));

            var seen = service.describeCertificate(ALICE, id).get();
            assertThat(stored(id)).isEqualTo(seen);
            assertThat(expiries()).hasSize(1);

            assertThat(service.describeCertificate(ALICE, id).get()).isEqualTo(seen);
            assertThat(refusal(service.describeCertificate(BOB, id)).code()).isEqualTo(NOT_FOUND);
            assertThat(service.sweepExpiredTransfers()).isZero();
            assertThat(expiries()).hasSize(1);
        }

        @Test
        void a_listing_writes_nothing_and_what_it_shows_is_exactly_what_the_expiry_writes() {
            var id = offeredToBob(0);
            clock.advance(TTL.plusMinutes(5));
            var listed = service.listCertificates(ALICE, PageRequest.FIRST)
                    .get()
                    .items()
                    .single();
            assertThat(stored(id).status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(expiries()).isEmpty();

            assertThat(service.sweepExpiredTransfers()).isEqualTo(1);
            assertThat(stored(id)).isEqualTo(listed);
        }

        @Test
        void once_a_describe_has_shown_it_expired_an_accept_decided_before_the_expiry_cannot_land() {
            var id = offeredToBob(0);
            var pending = stored(id);
            clock.advance(TTL);
            service.describeCertificate(ALICE, id).get();

            var late = dev.certificatetransfer.spi.CertificateChange.of(
                    Option.some(pending),
                    new dev.certificatetransfer.domain.CertificateEvent.TransferAccepted(
                            id,
                            Accounts.principal(Accounts.BOB),
                            Accounts.ALICE,
                            CertificateStatus.INACTIVE,
                            T0.plus(TTL).minusMillis(1),
                            pending.nextVersion()));
            assertThat(repository.commit(late)).isEqualTo(dev.certificatetransfer.spi.CommitOutcome.CONFLICT);
        }

        @Test
        void the_target_no_longer_sees_it() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            assertThat(refusal(service.describeCertificate(BOB, id)).code()).isEqualTo(NOT_FOUND);
        }
    }

    @Nested
    class Listings {

        @Test
        void the_target_no_longer_lists_it_and_the_source_lists_it_inactive() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            assertThat(service.listCertificates(BOB, PageRequest.FIRST).get().items())
                    .isEmpty();
            assertThat(service.listCertificates(ALICE, PageRequest.FIRST).get().items())
                    .containsExactly(service.describeCertificate(ALICE, id).get());
        }

        @Test
        void the_source_no_longer_lists_it_as_outgoing() {
            offeredToBob(0);
            var stillPending = offeredToBob(1);
            clock.advance(TTL);
            // certificate 1 was offered in the same instant, so both expired; offer it again now
            service.transferCertificate(ALICE, stillPending, Accounts.BOB, Option.none())
                    .get();
            assertThat(service.listOutgoingCertificates(ALICE, PageRequest.FIRST)
                            .get()
                            .items())
                    .extracting(Certificate::id)
                    .containsExactly(stillPending);
        }

        @Test
        void pages_stay_full_and_markers_exact_when_expired_transfers_are_skipped() {
            var bobs = new ArrayList<CertificateId>();
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                if (i % 3 == 0) {
                    bobs.add(registered(i, BOB));
                } else {
                    offeredToBob(i);
                }
                clock.advance(Duration.ofMillis(1));
            }
            clock.advance(TTL);
            for (var order : SortOrder.values()) {
                var seen = new ArrayList<CertificateId>();
                var request = new PageRequest(new PageSize(1), Option.none(), order);
                while (true) {
                    var page = service.listCertificates(BOB, request).get();
                    seen.addAll(page.items().map(Certificate::id).asJava());
                    if (page.nextMarker().isEmpty()) {
                        break;
                    }
                    assertThat(page.items()).as("a page with a marker is full").hasSize(1);
                    request = request.continueAt(page.nextMarker().get());
                }
                var expected = order == SortOrder.ASCENDING
                        ? bobs
                        : List.ofAll(bobs).reverse().asJava();
                assertThat(seen).as("%s", order).containsExactlyElementsOf(expected);
            }
        }
    }

    @Nested
    class Writes {

        @Test
        void the_target_accepting_gets_410_the_transfer_expired_and_the_expiry_is_recorded_once() {
            var id = offeredToBob(0);
            var pending = stored(id);
            clock.advance(TTL.plusSeconds(1));

            var refused = refusal(service.acceptCertificateTransfer(BOB, id, true));

            assertThat(refused.code()).isEqualTo(TRANSFER_ALREADY_COMPLETED);
            assertThat(refused.message()).contains("the transfer expired");
            assertThat(expiries())
                    .singleElement()
                    .isEqualTo(new TransferExpired(id, Accounts.BOB, T0.plus(TTL), pending.nextVersion()));
            assertThat(expiries().head().actor()).isEqualTo(Actor.system());
            assertThat(stored(id).owner()).isEqualTo(Accounts.ALICE);
        }

        @Test
        void the_target_rejecting_gets_410() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            assertThat(refusal(service.rejectCertificateTransfer(BOB, id, Option.none()))
                            .message())
                    .contains("the transfer expired");
        }

        @Test
        void the_source_cancelling_gets_410_and_later_calls_record_no_second_expiry() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            assertThat(refusal(service.cancelCertificateTransfer(ALICE, id)).code())
                    .isEqualTo(TRANSFER_ALREADY_COMPLETED);
            assertThat(refusal(service.acceptCertificateTransfer(BOB, id, false))
                            .code())
                    .isEqualTo(TRANSFER_ALREADY_COMPLETED);
            assertThat(service.sweepExpiredTransfers()).isZero();
            assertThat(expiries()).hasSize(1);
        }

        @Test
        void the_source_may_offer_the_certificate_again_after_the_expiry_is_recorded() {
            var id = offeredToBob(0);
            clock.advance(TTL);
            var again = service.transferCertificate(ALICE, id, Accounts.CAROL, Option.none())
                    .get()
                    .certificate();
            assertThat(again.pendingTarget()).contains(Accounts.CAROL);
            assertThat(events.events().takeRight(2).map(CertificateEvent::type))
                    .containsExactly(EventType.TRANSFER_EXPIRED, EventType.TRANSFER_REQUESTED);
            assertThat(service.describeCertificate(CAROL, id).isRight()).isTrue();
        }
    }

    @Nested
    class CompletedBeforeExpiry {

        @Test
        void a_transfer_accepted_before_its_expiry_is_not_affected() {
            var id = offeredToBob(0);
            clock.advance(TTL.minusMillis(1));
            var accepted = service.acceptCertificateTransfer(BOB, id, true).get();
            clock.advance(TTL.multipliedBy(10));
            assertThat(service.describeCertificate(BOB, id).get()).isEqualTo(accepted);
            assertThat(service.sweepExpiredTransfers()).isZero();
            assertThat(expiries()).isEmpty();
        }

        @Test
        void a_transfer_cancelled_before_its_expiry_is_not_affected() {
            var id = offeredToBob(0);
            var cancelled = service.cancelCertificateTransfer(ALICE, id).get();
            clock.advance(TTL.multipliedBy(2));
            assertThat(service.describeCertificate(ALICE, id).get()).isEqualTo(cancelled);
            assertThat(refusal(service.cancelCertificateTransfer(ALICE, id)).message())
                    .contains("(cancelled)");
        }
    }

    @Nested
    class Sweep {

        @Test
        void the_sweep_records_each_due_expiry_once_and_leaves_transfers_not_yet_due() {
            var first = offeredToBob(0);
            clock.advance(Duration.ofMinutes(10));
            var second = offeredToBob(1);
            clock.advance(Duration.ofMinutes(10));
            var notYet = offeredToBob(2);
            clock.advance(TTL.minusMinutes(5));

            assertThat(service.sweepExpiredTransfers()).isEqualTo(2);
            assertThat(expiries().map(CertificateEvent::certificateId)).containsExactly(first, second);
            assertThat(service.sweepExpiredTransfers()).isZero();
            assertThat(stored(notYet).status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            clock.advance(Duration.ofMinutes(5));
            assertThat(service.sweepExpiredTransfers()).isEqualTo(1);
        }

        @Test
        void a_sweep_in_pages_of_one_reaches_every_due_transfer() {
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                offeredToBob(i);
                clock.advance(Duration.ofMillis(i % 2));
            }
            clock.advance(TTL);
            assertThat(service.sweepExpiredTransfers(1)).isEqualTo(TestCertificates.COUNT);
            assertThat(expiries()).hasSize(TestCertificates.COUNT);
        }

        @Test
        void each_expiry_is_dated_at_the_moment_of_expiry_whenever_the_sweep_runs() {
            var id = offeredToBob(0);
            clock.advance(TTL.multipliedBy(5));
            service.sweepExpiredTransfers();
            assertThat(expiries().single().at()).isEqualTo(T0.plus(TTL));
            assertThat(stored(id).lastModifiedDate()).isEqualTo(T0.plus(TTL));
        }
    }
}
