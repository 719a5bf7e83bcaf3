package dev.certificatetransfer.application;

import static dev.certificatetransfer.application.ServiceFixture.ALICE;
import static dev.certificatetransfer.application.ServiceFixture.BOB;
import static dev.certificatetransfer.application.ServiceFixture.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a host sees of the API beyond the rules: values that print safely, and a transfer or a rejection with its
 * text as received, in one call.
 */
class HostFacingApiTest {

    private final ServiceFixture fixture = new ServiceFixture();

    @Nested
    class Printing {

        /** A line of the PEM's base64 body: if it appears in a string, the PEM was printed. */
        private final String pemLine =
                TestCertificates.pem(0).lines().skip(1).findFirst().orElseThrow();

        @Test
        void no_certificate_result_or_event_prints_the_pem() {
            var registered = fixture.service
                    .registerCertificateWithoutCa(
                            ALICE,
                            TestCertificates.parsed(0),
                            dev.certificatetransfer.domain.CertificateStatus.INACTIVE)
                    .get();
            var transferred = fixture.service
                    .transferCertificate(ALICE, registered.certificateId(), Accounts.BOB, Option.none())
                    .get();

            var printed = java.util.List.of(
                    registered.toString(),
                    transferred.toString(),
                    registered.certificate().toString(),
                    registered.certificate().pem().toString(),
                    TestCertificates.parsed(0).toString(),
                    fixture.events.events().toString());
            assertThat(printed).allSatisfy(text -> assertThat(text).doesNotContain(pemLine));
        }

        @Test
        void a_certificate_prints_what_a_log_needs() {
            var id = fixture.pendingFromAliceToBob(0);

            assertThat(fixture.stored(id).toString())
                    .contains(
                            id.value(), "PENDING_TRANSFER", "version=2", Accounts.ALICE.value(), Accounts.BOB.value());
        }
        /** Free text that would forge a second log line, colour the terminal and reverse the rest of the line. */
        private final String forging = "ok\r\n2024-01-01 INFO forged\tline\u0000\u001b[31m\u0085\u2028\u202e";

        @Test
        void a_transfer_message_and_a_reject_reason_print_their_length_only() {
            assertThat(new TransferMessage(forging)).hasToString("TransferMessage[40 characters]");
            assertThat(new RejectReason(forging)).hasToString("RejectReason[40 characters]");
            assertThat(new TransferMessage("")).hasToString("TransferMessage[0 characters]");
            assertThat(new RejectReason("😀")).hasToString("RejectReason[1 characters]");
        }

        @Test
        void a_principal_prints_its_name_with_control_characters_escaped() {
            var principal = new Principal(Accounts.ALICE, forging + "\\n");

            assertThat(principal)
                    .hasToString("Principal[account=111111111111, name=ok\\r\\n2024-01-01 INFO forged"
                            + "\\tline\\u0000\\u001B[31m\\u0085\\u2028\\u202E\\\\n]");
        }

        @Test
        void a_principal_name_in_any_script_stays_readable() {
            var name = "arn:aws:iam::111111111111:user/Zoë_日本-ops@example.com 😀";

            assertThat(new Principal(Accounts.ALICE, name))
                    .hasToString("Principal[account=111111111111, name=" + name + "]");
        }

        @Test
        void no_result_or_event_carries_a_line_break_or_control_character_of_caller_text() {
            var forger = new Principal(Accounts.ALICE, "alice" + forging);
            var id = fixture.registered(0, forger);
            var transferred = fixture.service
                    .transferCertificate(forger, id, Accounts.BOB, forging)
                    .get();
            var rejected = fixture.service
                    .rejectCertificateTransfer(BOB, id, Option.some(new RejectReason(forging)))
                    .get();

            var printed = java.util.List.of(
                    transferred.toString(),
                    rejected.toString(),
                    fixture.events.events().toString());
            assertThat(printed)
                    .allSatisfy(text -> assertThat(text.codePoints())
                            .noneMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u202e'));
        }
    }

    @Nested
    class TransferWithAMessageAsReceived {

        @Test
        void a_valid_message_is_parsed_and_kept() {
            var id = fixture.registered(0, ALICE);

            var result = fixture.service
                    .transferCertificate(ALICE, id, Accounts.BOB, "for Bob")
                    .get();

            assertThat(result.certificate().pendingTransfer().get().message()).contains(new TransferMessage("for Bob"));
        }

        @Test
        void an_invalid_message_is_an_invalid_request_and_nothing_is_transferred() {
            var id = fixture.registered(0, ALICE);

            fixture.refused(
                    () -> fixture.service.transferCertificate(ALICE, id, Accounts.BOB, "x".repeat(129)),
                    RefusalCode.INVALID_REQUEST);
        }

        @Test
        void the_message_is_checked_before_anything_else() {
            fixture.refused(
                    () -> fixture.service.transferCertificate(
                            BOB, TestCertificates.id(5), Accounts.BOB, "x".repeat(129)),
                    RefusalCode.INVALID_REQUEST);
        }

        @Test
        void a_null_message_is_a_bug_of_the_caller_not_a_transfer_without_a_message() {
            var id = fixture.registered(0, ALICE);

            assertThatNullPointerException()
                    .isThrownBy(() -> fixture.service.transferCertificate(ALICE, id, Accounts.BOB, (String) null))
                    .withMessageContaining("message");
            assertThat(fixture.stored(id).pendingTransfer()).isEmpty();
        }
    }

    @Nested
    class RejectWithAReasonAsReceived {

        @Test
        void a_valid_reason_is_parsed_and_published() {
            var id = fixture.pendingFromAliceToBob(0);

            var result = fixture.service
                    .rejectCertificateTransfer(BOB, id, "not mine")
                    .get();

            assertThat(result.owner()).isEqualTo(Accounts.ALICE);
            assertThat(fixture.events.events())
                    .last()
                    .isInstanceOfSatisfying(
                            CertificateEvent.TransferRejected.class,
                            rejected -> assertThat(rejected.reason()).contains(new RejectReason("not mine")));
        }

        @Test
        void an_invalid_reason_is_an_invalid_request_and_nothing_is_rejected() {
            var id = fixture.pendingFromAliceToBob(0);

            fixture.refused(
                    () -> fixture.service.rejectCertificateTransfer(BOB, id, "x".repeat(129)),
                    RefusalCode.INVALID_REQUEST);
        }

        @Test
        void the_reason_is_checked_before_anything_else() {
            fixture.refused(
                    () -> fixture.service.rejectCertificateTransfer(CAROL, TestCertificates.id(5), "\ud800"),
                    RefusalCode.INVALID_REQUEST);
        }

        @Test
        void a_null_reason_is_a_bug_of_the_caller_not_a_rejection_without_a_reason() {
            var id = fixture.pendingFromAliceToBob(0);

            assertThatNullPointerException()
                    .isThrownBy(() -> fixture.service.rejectCertificateTransfer(BOB, id, (String) null))
                    .withMessageContaining("reason");
            assertThat(fixture.stored(id).pendingTransfer()).isNotEmpty();
        }
    }
}
