package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RefusalCode.DELETE_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_ALREADY_COMPLETED;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each order of checks docs/behaviour.md marks as ours (sections 3 and 4), pinned one by one. */
class DecidedOrderTest extends ServiceFixture {

    private static final Attachments POLICY = new Attachments(1, 0);
    private static final Attachments THING = new Attachments(0, 1);
    private static final Attachments POLICY_AND_THING = new Attachments(1, 1);

    @Nested
    class TransferCertificate {

        @Test
        void a_transfer_to_the_owner_is_invalid_before_its_status_is_looked_at() {
            var active = registered(0, ALICE, CertificateStatus.ACTIVE);
            var pending = pendingFromAliceToBob(1);
            attachments.put(active, POLICY_AND_THING);
            refused(() -> service.transferCertificate(ALICE, active, Accounts.ALICE, Option.none()), INVALID_REQUEST);
            refused(() -> service.transferCertificate(ALICE, pending, Accounts.ALICE, Option.none()), INVALID_REQUEST);
        }

        @Test
        void a_wrong_status_is_refused_before_attachments_are_looked_at() {
            var active = registered(0, ALICE, CertificateStatus.ACTIVE);
            var revoked = registered(1, ALICE, CertificateStatus.REVOKED);
            attachments.put(active, POLICY);
            attachments.put(revoked, THING);
            refused(() -> service.transferCertificate(ALICE, active, Accounts.BOB, Option.none()), CERTIFICATE_STATE);
            refused(() -> service.transferCertificate(ALICE, revoked, Accounts.BOB, Option.none()), CERTIFICATE_STATE);
        }

        @Test
        void attachments_are_not_even_asked_for_when_an_earlier_check_refuses() {
            var active = registered(0, ALICE, CertificateStatus.ACTIVE);
            var inactive = registered(1, ALICE);
            var pending = pendingFromAliceToBob(2);
            attachmentQueries.set(0);
            refused(() -> service.transferCertificate(CAROL, inactive, Accounts.BOB, Option.none()), NOT_FOUND);
            refused(() -> service.transferCertificate(BOB, pending, Accounts.CAROL, Option.none()), UNAUTHORIZED);
            refused(() -> service.transferCertificate(ALICE, inactive, Accounts.ALICE, Option.none()), INVALID_REQUEST);
            refused(() -> service.transferCertificate(ALICE, active, Accounts.BOB, Option.none()), CERTIFICATE_STATE);
            refused(
                    () -> service.transferCertificate(ALICE, pending, Accounts.CAROL, Option.none()),
                    CERTIFICATE_STATE);
            assertThat(attachmentQueries).hasValue(0);

            attachments.put(inactive, THING);
            refused(() -> service.transferCertificate(ALICE, inactive, Accounts.BOB, Option.none()), TRANSFER_CONFLICT);
            assertThat(attachmentQueries)
                    .as("asked once all the earlier checks pass")
                    .hasValue(1);
        }
    }

    @Nested
    class DeleteCertificate {

        @Test
        void an_active_certificate_with_a_thing_attached_is_refused_for_its_status() {
            var active = registered(0, ALICE, CertificateStatus.ACTIVE);
            var pending = pendingFromAliceToBob(1);
            attachments.put(active, THING);
            attachments.put(pending, POLICY_AND_THING);
            attachmentQueries.set(0);
            refused(() -> service.deleteCertificate(ALICE, active, false), CERTIFICATE_STATE);
            refused(() -> service.deleteCertificate(ALICE, active, true), CERTIFICATE_STATE);
            refused(() -> service.deleteCertificate(ALICE, pending, true), CERTIFICATE_STATE);
            assertThat(attachmentQueries)
                    .as("attachments are not asked for once the status refuses")
                    .hasValue(0);
        }

        @Test
        void a_thing_refuses_even_a_forced_delete_and_the_message_says_so() {
            var id = registered(0, ALICE);
            attachments.put(id, THING);
            var refusal = refused(() -> service.deleteCertificate(ALICE, id, true), DELETE_CONFLICT);
            assertThat(refusal.message()).isEqualTo(thingsAttached(id));
        }

        @Test
        void a_thing_is_reported_before_a_policy() {
            var id = registered(0, ALICE);
            attachments.put(id, POLICY_AND_THING);
            assertThat(refused(() -> service.deleteCertificate(ALICE, id, false), DELETE_CONFLICT)
                            .message())
                    .isEqualTo(thingsAttached(id));
            assertThat(refused(() -> service.deleteCertificate(ALICE, id, true), DELETE_CONFLICT)
                            .message())
                    .isEqualTo(thingsAttached(id));
        }

        @Test
        void a_policy_alone_refuses_an_unforced_delete_and_a_forced_one_deletes() {
            var id = registered(0, ALICE);
            attachments.put(id, POLICY);
            var refusal = refused(() -> service.deleteCertificate(ALICE, id, false), DELETE_CONFLICT);
            assertThat(refusal.message()).contains("Policies are attached").doesNotContain("Things");

            assertThat(service.deleteCertificate(ALICE, id, true)).isEqualTo(Either.right(id));
            assertThat(repository.find(id).certificate()).isEmpty();
        }

        private String thingsAttached(CertificateId id) {
            return "Things are attached to the certificate " + id + "; detach them before deleting it";
        }
    }

    /** Accept, reject and cancel when nothing is pending: the "completed" row answers for every party. */
    @Nested
    class NothingPending {

        @Test
        void the_owner_accepting_or_rejecting_after_a_completed_transfer_learns_it_completed() {
            var rejected = pendingFromAliceToBob(0);
            service.rejectCertificateTransfer(BOB, rejected, Option.none()).get();
            var cancelled = pendingFromAliceToBob(1);
            service.cancelCertificateTransfer(ALICE, cancelled).get();
            var accepted = pendingFromAliceToBob(2);
            service.acceptCertificateTransfer(BOB, accepted, false).get();

            for (var operation : Operation.values()) {
                refused(() -> operation.call(service, ALICE, rejected), TRANSFER_ALREADY_COMPLETED);
                refused(() -> operation.call(service, ALICE, cancelled), TRANSFER_ALREADY_COMPLETED);
                refused(() -> operation.call(service, BOB, accepted), TRANSFER_ALREADY_COMPLETED);
            }
        }

        @Test
        void every_party_of_the_completed_transfer_learns_it_completed_and_a_stranger_nothing() {
            var rejected = pendingFromAliceToBob(0);
            service.rejectCertificateTransfer(BOB, rejected, Option.none()).get();
            var accepted = pendingFromAliceToBob(1);
            service.acceptCertificateTransfer(BOB, accepted, true).get();

            for (var operation : Operation.values()) {
                for (var id : new CertificateId[] {rejected, accepted}) {
                    refused(() -> operation.call(service, ALICE, id), TRANSFER_ALREADY_COMPLETED);
                    refused(() -> operation.call(service, BOB, id), TRANSFER_ALREADY_COMPLETED);
                    refused(() -> operation.call(service, CAROL, id), NOT_FOUND);
                }
            }
        }

        @Test
        void only_while_pending_does_the_owner_get_unauthorized() {
            var id = pendingFromAliceToBob(0);
            refused(() -> Operation.ACCEPT.call(service, ALICE, id), UNAUTHORIZED);
            refused(() -> Operation.REJECT.call(service, ALICE, id), UNAUTHORIZED);
            refused(() -> Operation.CANCEL.call(service, BOB, id), UNAUTHORIZED);
        }

        @ParameterizedTest
        @EnumSource(Operation.class)
        void a_certificate_never_transferred_is_an_invalid_request_for_its_owner_and_unknown_to_others(
                Operation operation) {
            var id = registered(0, ALICE);
            refused(() -> operation.call(service, ALICE, id), INVALID_REQUEST);
            refused(() -> operation.call(service, BOB, id), NOT_FOUND);
            refused(() -> operation.call(service, CAROL, id), NOT_FOUND);
        }

        @ParameterizedTest
        @EnumSource(Operation.class)
        void the_old_source_learns_completed_until_the_new_owner_transfers_again(Operation operation) {
            var id = pendingFromAliceToBob(0);
            service.acceptCertificateTransfer(BOB, id, false).get();
            refused(() -> operation.call(service, ALICE, id), TRANSFER_ALREADY_COMPLETED);

            service.transferCertificate(BOB, id, Accounts.CAROL, Option.none()).get();
            refused(() -> operation.call(service, ALICE, id), NOT_FOUND);
        }
    }

    @Nested
    class UpdateCertificate {

        @ParameterizedTest
        @EnumSource(
                value = CertificateStatus.class,
                names = {"ACTIVE", "INACTIVE", "REVOKED", "REGISTER_INACTIVE"})
        void a_certificate_pending_transfer_keeps_its_status(CertificateStatus asked) {
            var id = pendingFromAliceToBob(0);
            refused(() -> service.updateCertificate(ALICE, id, asked), CERTIFICATE_STATE);
        }

        @ParameterizedTest
        @EnumSource(
                value = CertificateStatus.class,
                names = {"ACTIVE", "INACTIVE", "REGISTER_INACTIVE"})
        void a_revoked_certificate_stays_revoked(CertificateStatus asked) {
            var id = registered(0, ALICE, CertificateStatus.REVOKED);
            refused(() -> service.updateCertificate(ALICE, id, asked), CERTIFICATE_STATE);
        }

        @Test
        void revoking_a_revoked_certificate_again_succeeds_and_changes_nothing() {
            var id = registered(0, ALICE, CertificateStatus.REVOKED);
            var before = stored(id);
            var eventsBefore = events.events().size();

            assertThat(service.updateCertificate(ALICE, id, CertificateStatus.REVOKED))
                    .isEqualTo(Either.right(before));
            assertThat(stored(id)).isEqualTo(before);
            assertThat(events.events()).hasSize(eventsBefore);
        }
    }

    /** The three operations on a pending transfer, called the same way whatever they are. */
    // its constants hold only stateless functions and immutable lists, which the checker cannot see
    @SuppressWarnings("ImmutableEnumChecker")
    enum Operation {
        ACCEPT((service, caller, id) -> service.acceptCertificateTransfer(caller, id, false)),
        REJECT((service, caller, id) -> service.rejectCertificateTransfer(caller, id, Option.none())),
        CANCEL((service, caller, id) -> service.cancelCertificateTransfer(caller, id));

        private final Call call;

        Operation(Call call) {
            this.call = call;
        }

        Either<Refusal, ?> call(CertificateTransferUseCases service, Principal caller, CertificateId id) {
            return call.on(service, caller, id);
        }

        /** One of the three operations. */
        @FunctionalInterface
        interface Call {
            Either<Refusal, ?> on(CertificateTransferUseCases service, Principal caller, CertificateId id);
        }
    }
}
