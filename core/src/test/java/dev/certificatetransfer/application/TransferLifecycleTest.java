package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_ALREADY_COMPLETED;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The transfer lifecycle of docs/behaviour.md, section 4, row by row: transfer, accept, reject and, above all, cancel.
 */
class TransferLifecycleTest extends ServiceFixture {

    @Nested
    class CancelCertificateTransfer {

        @Test
        void source_cancels_a_pending_transfer_and_keeps_the_certificate_inactive() {
            var id = pendingFromAliceToBob(0);
            var pending = stored(id);

            var cancelled = service.cancelCertificateTransfer(ALICE, id).get();

            assertThat(cancelled.owner()).isEqualTo(Accounts.ALICE);
            assertThat(cancelled.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(cancelled.lastTransfer().get().status()).isEqualTo(TransferStatus.CANCELLED);
            assertThat(cancelled.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(cancelled.transferData().transferDate())
                    .isEqualTo(pending.transferData().transferDate());
            assertThat(cancelled.transferData().acceptDate()).isEmpty();
            assertThat(cancelled.transferData().rejectDate()).isEmpty();
            assertThat(cancelled.customerVersion()).isEqualTo(pending.customerVersion() + 1);
            assertThat(cancelled.lastModifiedDate()).isAfter(pending.lastModifiedDate());
            assertThat(stored(id)).isEqualTo(cancelled);
        }

        @Test
        void a_cancellation_emits_one_transfer_cancelled_event_naming_who_cancelled() {
            var id = pendingFromAliceToBob(0);
            var operator = new Principal(Accounts.ALICE, "tenant:alice/user:ops");
            service.cancelCertificateTransfer(operator, id).get();
            var event = events.events().last();
            assertThat(event).isInstanceOf(TransferCancelled.class);
            assertThat(event.actor()).isEqualTo(operator);
            assertThat(event.statusBefore()).contains(CertificateStatus.PENDING_TRANSFER);
            assertThat(event.statusAfter()).contains(CertificateStatus.INACTIVE);
            assertThat(((TransferCancelled) event).target()).isEqualTo(Accounts.BOB);
            assertThat(event.at()).isEqualTo(stored(id).lastModifiedDate());
        }

        @Test
        void target_cannot_cancel_a_pending_transfer() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.cancelCertificateTransfer(BOB, id), UNAUTHORIZED);
        }

        @Test
        void a_stranger_learns_nothing_about_a_pending_transfer() {
            var id = pendingFromAliceToBob(0);
            var refusal = refused(() -> service.cancelCertificateTransfer(CAROL, id), NOT_FOUND);
            var unknown = refused(() -> service.cancelCertificateTransfer(CAROL, TestCertificates.id(5)), NOT_FOUND);
            assertThat(refusal.message()).isEqualTo(new Refusal.NotFound(id).message());
            assertThat(unknown).isEqualTo(new Refusal.NotFound(TestCertificates.id(5)));
        }

        @Test
        void the_old_source_learns_already_completed_after_the_target_accepted() {
            var id = pendingFromAliceToBob(0);
            service.acceptCertificateTransfer(BOB, id, false).get();
            var refusal = refused(() -> service.cancelCertificateTransfer(ALICE, id), TRANSFER_ALREADY_COMPLETED);
            assertThat(refusal).isEqualTo(new Refusal.TransferAlreadyCompleted(id, TransferStatus.ACCEPTED));
        }

        @Test
        void a_rejected_or_cancelled_transfer_is_already_completed() {
            var rejected = pendingFromAliceToBob(0);
            service.rejectCertificateTransfer(BOB, rejected, Option.none()).get();
            var cancelled = pendingFromAliceToBob(1);
            service.cancelCertificateTransfer(ALICE, cancelled).get();

            refused(() -> service.cancelCertificateTransfer(ALICE, rejected), TRANSFER_ALREADY_COMPLETED);
            refused(() -> service.cancelCertificateTransfer(ALICE, cancelled), TRANSFER_ALREADY_COMPLETED);
            refused(() -> service.cancelCertificateTransfer(BOB, cancelled), TRANSFER_ALREADY_COMPLETED);
        }

        @Test
        void a_certificate_never_transferred_has_no_transfer_to_cancel() {
            var id = registered(0, ALICE);
            refused(() -> service.cancelCertificateTransfer(ALICE, id), INVALID_REQUEST);
        }

        @Test
        void the_old_source_cannot_see_a_later_transfer_by_the_new_owner() {
            var id = pendingFromAliceToBob(0);
            service.acceptCertificateTransfer(BOB, id, false).get();
            service.transferCertificate(BOB, id, Accounts.CAROL, Option.none()).get();
            refused(() -> service.cancelCertificateTransfer(ALICE, id), NOT_FOUND);
            assertThat(service.cancelCertificateTransfer(BOB, id).get().owner()).isEqualTo(Accounts.BOB);
        }

        @Test
        void a_cancelled_certificate_can_be_transferred_again() {
            var id = pendingFromAliceToBob(0);
            service.cancelCertificateTransfer(ALICE, id).get();
            var again = service.transferCertificate(ALICE, id, Accounts.CAROL, Option.none())
                    .get()
                    .certificate();
            assertThat(again.pendingTarget()).contains(Accounts.CAROL);
            assertThat(again.transferData().transferMessage()).isEmpty();
        }
    }

    @Nested
    class TransferCertificate {

        @Test
        void owner_transfers_an_inactive_certificate_to_another_account() {
            var id = registered(0, ALICE);
            var transferred = service.transferCertificate(
                            ALICE, id, Accounts.BOB, Option.some(new TransferMessage("for Bob")))
                    .get();

            var certificate = transferred.certificate();
            assertThat(certificate.status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
            assertThat(certificate.owner()).isEqualTo(Accounts.ALICE);
            assertThat(certificate.pendingTarget()).contains(Accounts.BOB);
            assertThat(certificate.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(certificate.transferData().transferDate()).contains(certificate.lastModifiedDate());
            assertThat(transferred.transferredCertificateArn().value())
                    .isEqualTo("arn:aws:iot:us-east-1:222222222222:cert/" + id.value());
            assertThat(events.events().last().type()).isEqualTo(CertificateEvent.EventType.TRANSFER_REQUESTED);
        }

        @Test
        void a_register_inactive_certificate_can_be_transferred() {
            var id = registered(0, ALICE, CertificateStatus.REGISTER_INACTIVE);
            assertThat(service.transferCertificate(ALICE, id, Accounts.BOB, Option.none())
                            .isRight())
                    .isTrue();
        }

        @Test
        void an_active_certificate_cannot_be_transferred() {
            var id = registered(0, ALICE, CertificateStatus.ACTIVE);
            refused(() -> service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()), CERTIFICATE_STATE);
        }

        @Test
        void a_revoked_certificate_cannot_be_transferred() {
            var id = registered(0, ALICE, CertificateStatus.REVOKED);
            refused(() -> service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()), CERTIFICATE_STATE);
        }

        @Test
        void a_certificate_pending_transfer_cannot_be_transferred_again() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.transferCertificate(ALICE, id, Accounts.CAROL, Option.none()), CERTIFICATE_STATE);
        }

        @Test
        void a_certificate_with_policies_or_things_attached_cannot_be_transferred() {
            var withPolicy = registered(0, ALICE);
            var withThing = registered(1, ALICE);
            attachments.put(withPolicy, new Attachments(1, 0));
            attachments.put(withThing, new Attachments(0, 1));
            refused(
                    () -> service.transferCertificate(ALICE, withPolicy, Accounts.BOB, Option.none()),
                    TRANSFER_CONFLICT);
            refused(
                    () -> service.transferCertificate(ALICE, withThing, Accounts.BOB, Option.none()),
                    TRANSFER_CONFLICT);
        }

        @Test
        void the_owner_cannot_transfer_to_itself() {
            var id = registered(0, ALICE);
            refused(() -> service.transferCertificate(ALICE, id, Accounts.ALICE, Option.none()), INVALID_REQUEST);
        }

        @Test
        void only_the_owner_transfers_and_strangers_learn_nothing() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.transferCertificate(BOB, id, Accounts.CAROL, Option.none()), UNAUTHORIZED);
            refused(() -> service.transferCertificate(CAROL, id, Accounts.BOB, Option.none()), NOT_FOUND);
            refused(
                    () -> service.transferCertificate(ALICE, TestCertificates.id(5), Accounts.BOB, Option.none()),
                    NOT_FOUND);
        }

        @Test
        void a_new_transfer_replaces_the_previous_transfer_data() {
            var id = pendingFromAliceToBob(0);
            service.rejectCertificateTransfer(BOB, id, Option.some(new RejectReason("no thanks")))
                    .get();
            var again = service.transferCertificate(ALICE, id, Accounts.CAROL, Option.none())
                    .get()
                    .certificate();
            assertThat(again.transferData().rejectReason()).isEmpty();
            assertThat(again.transferData().rejectDate()).isEmpty();
            assertThat(again.transferData().transferMessage()).isEmpty();
        }
    }

    @Nested
    class AcceptCertificateTransfer {

        @Test
        void target_accepts_and_owns_the_certificate_inactive() {
            var id = pendingFromAliceToBob(0);
            var accepted = service.acceptCertificateTransfer(BOB, id, false).get();
            assertThat(accepted.owner()).isEqualTo(Accounts.BOB);
            assertThat(accepted.previousOwner()).contains(Accounts.ALICE);
            assertThat(accepted.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(accepted.transferData().acceptDate()).contains(accepted.lastModifiedDate());
            assertThat(accepted.transferData().transferMessage()).contains(new TransferMessage("for Bob"));
            assertThat(accepted.arn(service.region()).account()).isEqualTo(Accounts.BOB);
        }

        @Test
        void target_accepts_as_active_when_asked() {
            var id = pendingFromAliceToBob(0);
            assertThat(service.acceptCertificateTransfer(BOB, id, true).get().status())
                    .isEqualTo(CertificateStatus.ACTIVE);
        }

        @Test
        void owner_cannot_accept_its_own_transfer() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.acceptCertificateTransfer(ALICE, id, false), UNAUTHORIZED);
        }

        @Test
        void a_stranger_cannot_accept() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.acceptCertificateTransfer(CAROL, id, false), NOT_FOUND);
        }

        @Test
        void a_completed_transfer_cannot_be_accepted() {
            var id = pendingFromAliceToBob(0);
            service.acceptCertificateTransfer(BOB, id, false).get();
            refused(() -> service.acceptCertificateTransfer(BOB, id, false), TRANSFER_ALREADY_COMPLETED);
            var cancelled = pendingFromAliceToBob(1);
            service.cancelCertificateTransfer(ALICE, cancelled).get();
            refused(() -> service.acceptCertificateTransfer(BOB, cancelled, true), TRANSFER_ALREADY_COMPLETED);
        }

        @Test
        void a_certificate_never_transferred_cannot_be_accepted() {
            var id = registered(0, ALICE);
            refused(() -> service.acceptCertificateTransfer(ALICE, id, false), INVALID_REQUEST);
            refused(() -> service.acceptCertificateTransfer(BOB, id, false), NOT_FOUND);
        }
    }

    @Nested
    class RejectCertificateTransfer {

        @Test
        void target_rejects_and_the_certificate_stays_with_the_source() {
            var id = pendingFromAliceToBob(0);
            var rejected = service.rejectCertificateTransfer(BOB, id, Option.some(new RejectReason("not ours")))
                    .get();
            assertThat(rejected.owner()).isEqualTo(Accounts.ALICE);
            assertThat(rejected.previousOwner()).isEmpty();
            assertThat(rejected.status()).isEqualTo(CertificateStatus.INACTIVE);
            assertThat(rejected.transferData().rejectReason()).contains(new RejectReason("not ours"));
            assertThat(rejected.transferData().rejectDate()).contains(rejected.lastModifiedDate());
            assertThat(service.describeCertificate(BOB, id).isLeft()).isTrue();
        }

        @Test
        void owner_cannot_reject_its_own_transfer() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.rejectCertificateTransfer(ALICE, id, Option.none()), UNAUTHORIZED);
        }

        @Test
        void a_stranger_cannot_reject() {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.rejectCertificateTransfer(CAROL, id, Option.none()), NOT_FOUND);
        }

        @Test
        void a_completed_transfer_cannot_be_rejected() {
            var id = pendingFromAliceToBob(0);
            service.rejectCertificateTransfer(BOB, id, Option.none()).get();
            refused(() -> service.rejectCertificateTransfer(BOB, id, Option.none()), TRANSFER_ALREADY_COMPLETED);
        }

        @Test
        void a_certificate_never_transferred_cannot_be_rejected() {
            var id = registered(0, ALICE);
            refused(() -> service.rejectCertificateTransfer(ALICE, id, Option.none()), INVALID_REQUEST);
        }
    }

    @Nested
    class Authorization {

        @Test
        void a_refused_principal_is_unauthorized_before_anything_is_looked_up() {
            var refusing = new ServiceFixture(
                    (principal, action, resource) -> principal.account().equals(Accounts.CAROL)
                            ? dev.certificatetransfer.port.out.Permission.REFUSED
                            : dev.certificatetransfer.port.out.Permission.ALLOWED);
            var id = refusing.pendingFromAliceToBob(0);
            refusing.refused(() -> refusing.service.cancelCertificateTransfer(CAROL, id), UNAUTHORIZED);
            refusing.refused(
                    () -> refusing.service.cancelCertificateTransfer(CAROL, TestCertificates.id(5)), UNAUTHORIZED);
        }

        @Test
        void the_authorizer_is_asked_about_the_operation_on_the_arn_under_the_callers_account() {
            var asked = new java.util.ArrayList<String>();
            var fixture = new ServiceFixture((principal, action, resource) -> {
                asked.add(action.iamName() + " " + resource.value());
                return dev.certificatetransfer.port.out.Permission.ALLOWED;
            });
            var id = fixture.pendingFromAliceToBob(0);
            asked.clear();
            fixture.service.cancelCertificateTransfer(BOB, id);
            assertThat(asked)
                    .containsExactly(
                            "iot:CancelCertificateTransfer arn:aws:iot:us-east-1:222222222222:cert/" + id.value());
        }
    }
}
