package dev.certificatetransfer.domain.rules;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

/**
 * The transfer's decisions and state changes as pure functions, without the service: each operation's checks in
 * the order of docs/behaviour.md, sections 3 to 5, the event it decides, and the state that event makes.
 */
class TransferRulesTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = AT.plusSeconds(60);
    private static final CertificateId ID = TestCertificates.id(0);

    private static Certificate registered(CertificateStatus status) {
        return RulesFixtures.registered(status, AT);
    }

    /** Alice's certificate, pending transfer to Bob with the message "for Bob". */
    private static Certificate pendingToBob() {
        var c = registered(CertificateStatus.INACTIVE);
        var requested = transfer(c, ALICE, BOB, Attachments.NONE).get();
        return TransferRules.requested(c, requested);
    }

    private static Either<dev.certificatetransfer.domain.Refusal, CertificateEvent.TransferRequested> transfer(
            Certificate c, AccountId caller, AccountId target, Attachments attachments) {
        return TransferRules.transfer(
                Option.some(c),
                ID,
                Accounts.principal(caller),
                target,
                Option.some(new TransferMessage("for Bob")),
                Lazy.of(() -> attachments),
                Lazy.of(() -> true),
                AT);
    }

    private static RefusalCode code(Either<dev.certificatetransfer.domain.Refusal, ?> decided) {
        return decided.getLeft().code();
    }

    @Nested
    class Transfer {

        @Test
        void the_owner_transfers_an_inactive_certificate_and_it_becomes_pending_to_the_target() {
            var c = registered(CertificateStatus.INACTIVE);
            var event = transfer(c, ALICE, BOB, Attachments.NONE).get();
            var after = TransferRules.requested(c, event);

            assertThat(event.version()).isEqualTo(2);
            assertThat(after.status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(after.owner()).isEqualTo(ALICE);
            assertThat(after.pendingTarget()).contains(BOB);
            assertThat(after.lastModifiedDate()).isEqualTo(AT);
        }

        @Test
        void checks_run_in_order_visibility_role_target_state_attachments() {
            var active = registered(CertificateStatus.ACTIVE);
            var attached = new Attachments(1, 0);

            assertThat(code(TransferRules.transfer(
                            Option.none(),
                            ID,
                            Accounts.principal(ALICE),
                            BOB,
                            Option.none(),
                            Lazy.of(() -> Attachments.NONE),
                            Lazy.of(() -> true),
                            AT)))
                    .isEqualTo(RefusalCode.NOT_FOUND);
            assertThat(code(transfer(active, CAROL, ALICE, attached))).isEqualTo(RefusalCode.NOT_FOUND);
            assertThat(code(transfer(pendingToBob(), BOB, CAROL, attached))).isEqualTo(RefusalCode.UNAUTHORIZED);
            assertThat(code(transfer(active, ALICE, ALICE, attached))).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(code(transfer(active, ALICE, BOB, attached))).isEqualTo(RefusalCode.CERTIFICATE_STATE);
            assertThat(code(transfer(registered(CertificateStatus.INACTIVE), ALICE, BOB, attached)))
                    .isEqualTo(RefusalCode.TRANSFER_CONFLICT);
        }

        @Test
        void the_transfer_rule_is_asked_last_and_its_no_is_unauthorized() {
            var c = registered(CertificateStatus.INACTIVE);
            var refused = TransferRules.transfer(
                    Option.some(c),
                    ID,
                    Accounts.principal(ALICE),
                    BOB,
                    Option.none(),
                    Lazy.of(() -> Attachments.NONE),
                    Lazy.of(() -> false),
                    AT);
            var attached = TransferRules.transfer(
                    Option.some(c),
                    ID,
                    Accounts.principal(ALICE),
                    BOB,
                    Option.none(),
                    Lazy.of(() -> new Attachments(1, 0)),
                    Lazy.of(() -> {
                        throw new AssertionError("the transfer rule is asked only when every other check passed");
                    }),
                    AT);

            assertThat(refused.getLeft()).isEqualTo(TransferRules.NOT_ACCEPTED_BY_TARGET);
            assertThat(code(refused)).isEqualTo(RefusalCode.UNAUTHORIZED);
            assertThat(code(attached)).isEqualTo(RefusalCode.TRANSFER_CONFLICT);
        }

        @Test
        void a_register_inactive_certificate_may_be_transferred_but_not_a_revoked_or_pending_one() {
            assertThat(transfer(registered(CertificateStatus.REGISTER_INACTIVE), ALICE, BOB, Attachments.NONE)
                            .isRight())
                    .isTrue();
            assertThat(code(transfer(registered(CertificateStatus.REVOKED), ALICE, BOB, Attachments.NONE)))
                    .isEqualTo(RefusalCode.CERTIFICATE_STATE);
            assertThat(code(transfer(pendingToBob(), ALICE, CAROL, Attachments.NONE)))
                    .isEqualTo(RefusalCode.CERTIFICATE_STATE);
        }
    }

    @Nested
    class Cancel {

        @Test
        void the_source_cancels_and_the_certificate_stays_with_it_inactive_keeping_the_message() {
            var pending = pendingToBob();
            TransferCancelled event = TransferRules.cancel(Option.some(pending), ID, Accounts.principal(ALICE), LATER)
                    .get();
            var after = TransferRules.cancelled(pending, event);

            assertThat(event.target()).isEqualTo(BOB);
            assertThat(after.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(after.owner()).isEqualTo(ALICE);
            assertThat(after.pendingTarget()).isEmpty();
            assertThat(after.lastTransfer().get().status()).isEqualTo(TransferStatus.CANCELLED);
            assertThat(after.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(after.isVisibleTo(BOB)).isFalse();
        }

        @Test
        void the_target_may_not_cancel_and_a_stranger_does_not_see_it() {
            var pending = pendingToBob();

            assertThat(code(TransferRules.cancel(Option.some(pending), ID, Accounts.principal(BOB), LATER)))
                    .isEqualTo(RefusalCode.UNAUTHORIZED);
            assertThat(code(TransferRules.cancel(Option.some(pending), ID, Accounts.principal(CAROL), LATER)))
                    .isEqualTo(RefusalCode.NOT_FOUND);
        }

        @Test
        void with_nothing_pending_the_completed_row_answers_before_any_role() {
            var pending = pendingToBob();
            var accepted = TransferRules.accepted(
                    pending,
                    TransferRules.accept(
                                    Option.some(pending),
                                    ID,
                                    Accounts.principal(BOB),
                                    false,
                                    RulesFixtures.UNLIMITED,
                                    RulesFixtures.neverAsked(),
                                    LATER)
                            .get());

            assertThat(code(TransferRules.cancel(Option.some(accepted), ID, Accounts.principal(ALICE), LATER)))
                    .as("the old source, who no longer sees it")
                    .isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
            assertThat(code(TransferRules.cancel(Option.some(accepted), ID, Accounts.principal(BOB), LATER)))
                    .as("the new owner, who was the target")
                    .isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
            assertThat(code(TransferRules.cancel(
                            Option.some(registered(CertificateStatus.INACTIVE)), ID, Accounts.principal(ALICE), LATER)))
                    .as("never transferred")
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
        }
    }

    @Nested
    class AcceptAndReject {

        @Test
        void the_target_accepts_and_owns_it_with_the_source_as_previous_owner() {
            var pending = pendingToBob();
            var after = TransferRules.accepted(
                    pending,
                    TransferRules.accept(
                                    Option.some(pending),
                                    ID,
                                    Accounts.principal(BOB),
                                    true,
                                    RulesFixtures.UNLIMITED,
                                    RulesFixtures.neverAsked(),
                                    LATER)
                            .get());

            assertThat(after.owner()).isEqualTo(BOB);
            assertThat(after.previousOwner()).contains(ALICE);
            assertThat(after.status()).isEqualTo(CertificateStatus.ACTIVE);
            assertThat(after.transferData().acceptDate()).contains(LATER);
        }

        @Test
        void the_target_rejects_and_the_certificate_stays_with_the_source_with_the_reason() {
            var pending = pendingToBob();
            var reason = Option.some(new RejectReason("not mine"));
            var after = TransferRules.rejected(
                    pending,
                    TransferRules.reject(Option.some(pending), ID, Accounts.principal(BOB), reason, LATER)
                            .get());

            assertThat(after.owner()).isEqualTo(ALICE);
            assertThat(after.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(after.transferData().rejectReason()).isEqualTo(reason);
        }

        @Test
        void the_target_may_not_accept_past_its_quota_and_only_the_target_is_counted() {
            var pending = pendingToBob();
            var two = new AccountQuota(2, AccountQuota.UNLIMITED);
            var bobOwnsOne = Lazy.of(() -> new AccountUsage(1, 1));
            var bobOwnsTwo = Lazy.of(() -> new AccountUsage(2, 2));

            assertThat(TransferRules.accept(
                                    Option.some(pending), ID, Accounts.principal(BOB), false, two, bobOwnsOne, LATER)
                            .isRight())
                    .isTrue();
            assertThat(code(TransferRules.accept(
                            Option.some(pending), ID, Accounts.principal(BOB), false, two, bobOwnsTwo, LATER)))
                    .isEqualTo(RefusalCode.LIMIT_EXCEEDED);
            assertThat(code(TransferRules.accept(
                            Option.some(pending), ID, Accounts.principal(ALICE), false, two, bobOwnsTwo, LATER)))
                    .as("the role comes first")
                    .isEqualTo(RefusalCode.UNAUTHORIZED);
        }

        @Test
        void the_owner_may_neither_accept_nor_reject_its_own_offer() {
            var pending = pendingToBob();

            assertThat(code(TransferRules.accept(
                            Option.some(pending),
                            ID,
                            Accounts.principal(ALICE),
                            false,
                            RulesFixtures.UNLIMITED,
                            RulesFixtures.neverAsked(),
                            LATER)))
                    .isEqualTo(RefusalCode.UNAUTHORIZED);
            assertThat(code(TransferRules.reject(
                            Option.some(pending), ID, Accounts.principal(ALICE), Option.none(), LATER)))
                    .isEqualTo(RefusalCode.UNAUTHORIZED);
        }
    }

    @Nested
    class Expiry {

        private final TransferExpiry oneHour = TransferExpiry.after(Duration.ofHours(1));

        @Test
        void a_transfer_expires_at_the_instant_its_time_to_live_runs_out_and_not_before() {
            var pending = pendingToBob();

            assertThat(TransferRules.expire(
                            oneHour, pending, AT.plus(Duration.ofHours(1)).minusMillis(1)))
                    .isEmpty();
            var expired = TransferRules.expire(oneHour, pending, AT.plus(Duration.ofHours(1)))
                    .get();
            assertThat(expired.at()).isEqualTo(AT.plus(Duration.ofHours(1)));
            assertThat(TransferRules.expire(TransferExpiry.none(), pending, AT.plus(Duration.ofDays(9999))))
                    .isEmpty();
        }

        @Test
        void an_expired_transfer_is_seen_as_cancelled_by_the_system_and_then_answers_completed() {
            var seen = TransferRules.seenAt(oneHour, pendingToBob(), AT.plus(Duration.ofHours(2)));

            assertThat(seen.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(seen.lastTransfer().get().status()).isEqualTo(TransferStatus.EXPIRED);
            assertThat(code(TransferRules.accept(
                            Option.some(seen),
                            ID,
                            Accounts.principal(BOB),
                            false,
                            RulesFixtures.UNLIMITED,
                            RulesFixtures.neverAsked(),
                            LATER)))
                    .isEqualTo(RefusalCode.TRANSFER_ALREADY_COMPLETED);
        }
    }

    @Test
    void replaying_the_decided_events_rebuilds_the_same_state() {
        var pending = pendingToBob();
        var cancelled = TransferRules.cancel(Option.some(pending), ID, Accounts.principal(ALICE), LATER)
                .get();
        var requested = transfer(registered(CertificateStatus.INACTIVE), ALICE, BOB, Attachments.NONE)
                .get();
        var registeredEvent = new CertificateRegistered(
                ID,
                Accounts.principal(ALICE),
                TestCertificates.parsed(0).pem(),
                TestCertificates.parsed(0).validity(),
                CertificateMode.SNI_ONLY,
                CertificateStatus.INACTIVE,
                AT,
                1);

        assertThat(CertificateEvolution.replay(io.vavr.collection.List.of(registeredEvent, requested, cancelled)))
                .contains(TransferRules.cancelled(pending, cancelled));
    }
}
