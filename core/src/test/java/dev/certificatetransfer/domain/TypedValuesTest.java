package dev.certificatetransfer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Input validation (check 1): every typed value parses untrusted text into a value or an INVALID_REQUEST. */
class TypedValuesTest {

    @Nested
    class CertificateIds {

        @Test
        void hex_is_accepted_case_insensitively_and_normalised_to_lowercase() {
            var id = TestCertificates.id(0).value();
            assertThat(CertificateId.parse(id.toUpperCase(Locale.ROOT)).get().value())
                    .isEqualTo(id);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(
                strings = {
                    "abc",
                    "../../etc/passwd",
                    "gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg",
                    " aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                    "000000000000000000000000000000000000000000000000000000000000000\uFF10",
                    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
                            + "abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdef",
                    "\uFF41aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                })
        void anything_but_64_hex_characters_is_an_invalid_request(String raw) {
            assertThat(CertificateId.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
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

        @Test
        void a_tenant_slug_is_an_account() {
            assertThat(AccountId.parse("Acme-Corp_eu.1").get().value()).isEqualTo("Acme-Corp_eu.1");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 12, 63, 64})
        void one_to_64_characters_are_an_account(int length) {
            assertThat(AccountId.parse("a".repeat(length)).get().value()).hasSize(length);
            assertThat(new AccountId("7".repeat(length)).value()).hasSize(length);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 65, 100})
        void no_characters_or_more_than_64_are_refused(int length) {
            assertThat(AccountId.parse("a".repeat(length)).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThatThrownBy(() -> new AccountId("a".repeat(length))).isInstanceOf(IllegalArgumentException.class);
        }

        /** Every UTF-16 unit, alone and inside an otherwise valid id: only ASCII letters, digits, . _ - pass. */
        @Test
        void only_ascii_letters_digits_dot_underscore_and_hyphen_are_allowed() {
            for (int unit = Character.MIN_VALUE; unit <= Character.MAX_VALUE; unit++) {
                char c = (char) unit;
                boolean allowed = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '.'
                        || c == '_'
                        || c == '-';
                for (String raw : new String[] {String.valueOf(c), "acme" + c, c + "acme", "ac" + c + "me"}) {
                    assertThat(AccountId.parse(raw).isRight())
                            .as("U+%04X in \"%s\"", (int) c, raw)
                            .isEqualTo(allowed);
                }
                if (!allowed) {
                    String invalid = "acme" + c;
                    assertThatThrownBy(() -> new AccountId(invalid)).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"acme corp", "acme/ops", "acme:1", "é", "١٢٣٤٥٦٧٨٩٠١٢", "ｆｕｌｌ", "\uD83D\uDE00"})
        void anything_else_is_an_invalid_request(String raw) {
            assertThat(AccountId.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"12345678901", "1234567890123", "12345678901a", "acme", "12345678901-", "000000000000.1"})
        void only_twelve_ascii_digits_are_an_aws_account_id(String raw) {
            assertThat(AccountId.parse(raw).get().isAwsAccountId()).isFalse();
        }

        @Test
        void twelve_ascii_digits_are_an_aws_account_id() {
            assertThat(new AccountId("000000000000").isAwsAccountId()).isTrue();
        }
    }

    @Nested
    class Principals {

        private final AccountId acme = new AccountId("acme");

        @ParameterizedTest
        @ValueSource(strings = {"tenant:acme/user:ops", "a", "nul\u0000inside", "\uD83D\uDE00"})
        void a_principal_has_any_non_blank_name_of_well_formed_unicode(String name) {
            assertThat(new Principal(acme, name).name()).isEqualTo(name);
            assertThat(new Principal(acme, "x".repeat(2048)).name()).hasSize(2048);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" \t\n", "lone \uD83D high", "lone \uDE00 low", "ends high \uD83D"})
        void a_blank_name_or_a_lone_surrogate_is_refused(String name) {
            assertThatThrownBy(() -> new Principal(acme, name)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_name_over_2048_characters_is_refused() {
            assertThatThrownBy(() -> new Principal(acme, "x".repeat(2049)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Messages {

        @Test
        void a_transfer_message_or_reject_reason_holds_up_to_128_characters() {
            assertThat(TransferMessage.parse("x".repeat(128)).isRight()).isTrue();
            assertThat(RejectReason.parse("x".repeat(128)).isRight()).isTrue();
            assertThat(TransferMessage.parse("😀".repeat(128)).isRight())
                    .as("characters, not UTF-16 units")
                    .isTrue();
        }

        @Test
        void a_longer_one_is_an_invalid_request() {
            assertThat(TransferMessage.parse("x".repeat(129)).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(RejectReason.parse("x".repeat(129)).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }

        @Test
        void a_character_outside_the_bmp_counts_as_one() {
            assertThat(RejectReason.parse("\uD83D\uDE00".repeat(128)).isRight()).isTrue();
            assertThat(TransferMessage.parse("\uD83D\uDE00".repeat(129))
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(RejectReason.parse("\uD83D\uDE00".repeat(129)).getLeft().code())
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"\uD83D", "\uDE00", "ok \uD83D", "\uDE00\uD83D", "a\uD800b", "\uDFFF\uDFFF"})
        void a_lone_surrogate_is_an_invalid_request(String raw) {
            assertThat(TransferMessage.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(RejectReason.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "\0", "a\0b", "\r\n\t", "\u0661\uFF11 \u0301"})
        void any_well_formed_text_is_a_message_even_empty_or_with_nul_as_aws_allows_any_characters(String raw) {
            assertThat(TransferMessage.parse(raw).get().value()).isEqualTo(raw);
            assertThat(RejectReason.parse(raw).get().value()).isEqualTo(raw);
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
        @ValueSource(
                strings = {
                    "   ",
                    "hello",
                    "-----BEGIN CERTIFICATE-----",
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"
                })
        void text_that_is_no_certificate_is_a_certificate_validation_refusal(String raw) {
            assertThat(CertificatePem.parse(raw).getLeft().code()).isEqualTo(RefusalCode.CERTIFICATE_VALIDATION);
        }

        @Test
        void a_pem_over_64_kib_is_refused_before_parsing() {
            var huge = TestCertificates.pem(0) + " ".repeat(CertificatePem.MAX_LENGTH);
            assertThat(CertificatePem.parse(huge).getLeft().message()).contains("at most");
        }

        @ParameterizedTest
        @EnumSource(PemLayout.class)
        void a_pem_laid_out_as_rfc_7468_lets_writers_gives_the_certificate_and_its_canonical_pem(PemLayout layout) {
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                var parsed = CertificatePem.parse(layout.write(TestCertificates.pem(i)))
                        .get();
                assertThat(parsed.id()).isEqualTo(TestCertificates.id(i));
                assertThat(parsed.pem().value())
                        .isEqualTo(TestCertificates.pem(i))
                        .isEqualTo(canonical(i));
            }
        }

        @Test
        void a_pem_of_exactly_65536_characters_is_read() {
            var pem = TestCertificates.pem(0);
            var padded = pem + " ".repeat(CertificatePem.MAX_LENGTH - pem.length());
            assertThat(CertificatePem.parse(padded).get().id()).isEqualTo(TestCertificates.id(0));
            assertThat(CertificatePem.parse(padded + " ").getLeft().code())
                    .isEqualTo(RefusalCode.CERTIFICATE_VALIDATION);
        }

        @Test
        void two_certificate_blocks_are_refused() {
            assertRefused(TestCertificates.pem(0) + TestCertificates.pem(1));
            assertRefused(TestCertificates.pem(0) + "\n" + TestCertificates.pem(0));
        }

        @ParameterizedTest
        @ValueSource(strings = {"*", "-", "_", ".", "\u00E9", "\uFF21", "\u0660", "\0", "\uD83D\uDE00", "\uD83D"})
        void a_block_with_a_character_that_is_neither_base64_nor_whitespace_is_refused(String character) {
            var pem = TestCertificates.pem(0);
            int middle = pem.indexOf('\n', 100) - 10;
            assertRefused(pem.substring(0, middle) + character + pem.substring(middle));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
                    "-----BEGIN CERTIFICATE-----\r\n \t\u2028\r\n-----END CERTIFICATE-----"
                })
        void an_empty_block_is_refused(String pem) {
            assertRefused(pem);
        }

        @Test
        void a_block_without_its_end_line_is_refused() {
            var pem = TestCertificates.pem(0);
            assertRefused(pem.substring(0, pem.indexOf("-----END")));
            assertRefused(pem.replace("-----END CERTIFICATE-----", "-----END PUBLIC KEY-----"));
        }

        @Test
        void der_with_bytes_after_the_certificate_is_refused() {
            var der = der(0);
            assertRefused(armour(Arrays.copyOf(der, der.length + 2)));
            var two = Arrays.copyOf(der, der.length + der(1).length);
            System.arraycopy(der(1), 0, two, der.length, der(1).length);
            assertRefused(armour(two));
        }

        private void assertRefused(String pem) {
            assertThat(CertificatePem.parse(pem).getLeft().code()).isEqualTo(RefusalCode.CERTIFICATE_VALIDATION);
        }

        private String canonical(int index) {
            return armour(der(index));
        }

        private String armour(byte[] der) {
            return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n" + END + "\n";
        }

        private byte[] der(int index) {
            var pem = TestCertificates.pem(index);
            return Base64.getMimeDecoder().decode(pem.substring(BEGIN.length(), pem.indexOf(END)));
        }
    }

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    /** Ways RFC 7468 (section 2) tells parsers to accept a PEM written other than canonically. */
    // its constants hold only stateless functions and immutable lists, which the checker cannot see
    @SuppressWarnings("ImmutableEnumChecker")
    enum PemLayout {
        TEXT_BEFORE_AND_AFTER_THE_BLOCK(
                pem -> "Subject: CN=device\nIssuer: itself\n\n" + pem + "\n-- kept for audit --\n"),
        CRLF_LINE_BREAKS(pem -> pem.replace("\n", "\r\n")),
        CR_LINE_BREAKS(pem -> pem.replace("\n", "\r")),
        TABS_AND_SPACES(
                pem -> inBlock(pem, body -> body.replace("\n", " \t\n\t ").replaceFirst("(?<=.{20})", "  "))),
        FORM_FEEDS_AND_VERTICAL_TABS(pem -> inBlock(pem, body -> body.replace("\n", "\f\n\u000B"))),
        UNICODE_LINE_SEPARATORS(pem -> inBlock(pem, body -> body.replace("\n", "\u2028"))),
        NEXT_LINE_CHARACTERS(pem -> inBlock(pem, body -> body.replace("\n", "\u0085"))),
        NO_LINE_BREAKS_AT_ALL(pem -> pem.replace("\n", "")),
        A_LEADING_BYTE_ORDER_MARK(pem -> "\uFEFF" + pem);

        private final UnaryOperator<String> writer;

        PemLayout(UnaryOperator<String> writer) {
            this.writer = writer;
        }

        String write(String canonicalPem) {
            return writer.apply(canonicalPem);
        }

        /** Rewrites the text between the BEGIN and END lines, line breaks around it included. */
        private static String inBlock(String pem, UnaryOperator<String> body) {
            int from = pem.indexOf(BEGIN) + BEGIN.length();
            int to = pem.indexOf(END);
            return pem.substring(0, from) + body.apply(pem.substring(from, to)) + pem.substring(to);
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
            assertThat(CertificateStatus.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
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
