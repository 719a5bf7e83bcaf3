package dev.certificatetransfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Input validation (check 1): every typed value parses untrusted text into a value or an INVALID_REQUEST. */
class TypedValuesTest {

    @Nested
    class CertificateIds {

        @Test
        void hex_is_accepted_case_insensitively_and_normalised_to_lowercase() {
            var id = TestCertificates.id(0).value();
            assertThat(CertificateId.parse(id.toUpperCase()).get().value()).isEqualTo(id);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"abc", "../../etc/passwd",
                "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
                " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
        void anything_but_64_hex_characters_is_an_invalid_request(String raw) {
            assertThat(CertificateId.parse(raw).getLeft().code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        }

        @Test
        void the_constructor_takes_only_the_canonical_form() {
            assertThatThrownBy(() -> new CertificateId("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AccountIds {

        @Test
        void twelve_digits_are_an_account() {
            assertThat(AccountId.parse("123456789012").get().value()).isEqualTo("123456789012");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"12345678901", "1234567890123", "12345678901a", "١٢٣٤٥٦٧٨٩٠١٢"})
        void anything_else_is_an_invalid_request(String raw) {
            assertThat(AccountId.parse(raw).getLeft().code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        }
    }

    @Nested
    class Messages {

        @Test
        void a_transfer_message_or_reject_reason_holds_up_to_128_characters() {
            assertThat(TransferMessage.parse("x".repeat(128)).isRight()).isTrue();
            assertThat(RejectReason.parse("x".repeat(128)).isRight()).isTrue();
            assertThat(TransferMessage.parse("😀".repeat(128)).isRight()).as("characters, not UTF-16 units").isTrue();
        }

        @Test
        void a_longer_one_is_an_invalid_request() {
            assertThat(TransferMessage.parse("x".repeat(129)).getLeft().code()).isEqualTo(RejectionCode.INVALID_REQUEST);
            assertThat(RejectReason.parse("x".repeat(129)).getLeft().code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        }
    }

    @Nested
    class CertificatePems {

        @Test
        void a_pem_parses_into_its_id_and_validity() {
            var parsed = CertificatePem.parse(TestCertificates.pem(0)).get();
            assertThat(parsed.id()).isEqualTo(TestCertificates.id(0));
            assertThat(parsed.validity().notBefore()).isBefore(parsed.validity().notAfter());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "hello", "-----BEGIN CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"})
        void text_that_is_no_certificate_is_a_certificate_validation_rejection(String raw) {
            assertThat(CertificatePem.parse(raw).getLeft().code()).isEqualTo(RejectionCode.CERTIFICATE_VALIDATION);
        }

        @Test
        void a_pem_over_64_kib_is_refused_before_parsing() {
            var huge = TestCertificates.pem(0) + " ".repeat(CertificatePem.MAX_LENGTH);
            assertThat(CertificatePem.parse(huge).getLeft().message()).contains("at most");
        }
    }

    @Nested
    class Statuses {

        @Test
        void every_status_parses_by_its_aws_name() {
            for (var status : CertificateStatus.values()) {
                assertThat(CertificateStatus.parse(status.name()).get()).isEqualTo(status);
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"active", "ACTIVE ", "DELETED", "PENDING"})
        void an_unknown_status_is_an_invalid_request(String raw) {
            assertThat(CertificateStatus.parse(raw).getLeft().code()).isEqualTo(RejectionCode.INVALID_REQUEST);
        }
    }

    @Nested
    class Regions {

        @Test
        void a_region_is_lowercase_letters_digits_and_hyphens() {
            assertThat(new Region("eu-central-1").value()).isEqualTo("eu-central-1");
            assertThatThrownBy(() -> new Region("EU-1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Region("-x")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
