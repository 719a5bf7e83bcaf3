package dev.certificatetransfer.domain;

import static dev.certificatetransfer.testing.UnicodeStrings.almost;
import static dev.certificatetransfer.testing.UnicodeStrings.ascii;
import static dev.certificatetransfer.testing.UnicodeStrings.lookAlike;
import static dev.certificatetransfer.testing.UnicodeStrings.ofChars;
import static dev.certificatetransfer.testing.UnicodeStrings.ofCodePoints;
import static dev.certificatetransfer.testing.UnicodeStrings.strings;
import static dev.certificatetransfer.testing.UnicodeStrings.weighted;
import static dev.certificatetransfer.testing.UnicodeStrings.whitespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.certificatetransfer.testing.ParseAnswers;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.UnicodeStrings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every parse of untrusted text in the domain answers a value or its one refusal code, never an exception, for
 * any string at all (all planes, lone surrogates, other scripts' digits, fullwidth forms, almost valid input), and
 * a value it answers is the one the rule describes.
 */
class ParsingIsTotalTest {

    private static final int EXAMPLES = 5_000;
    private static final int PEM_EXAMPLES = 2_000;
    private static final String HEX = "0123456789abcdefABCDEF";
    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    @Nested
    class CertificateIds {

        @Test
        void an_id_parses_exactly_when_it_is_64_ascii_hex_characters_and_then_is_their_lowercase() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(idLike()).checkAssert(raw -> {
                var parsed = answers.check(CertificateId.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(raw.matches("[0-9a-fA-F]{64}"));
                parsed.forEach(
                        id -> assertThat(id.value()).matches("[0-9a-f]{64}").isEqualTo(raw.toLowerCase(Locale.ROOT)));
            });
            answers.bothSeenAtLeast(EXAMPLES / 20);
        }

        /** Mostly 64 chars: ASCII hex mixed with look-alikes, or a valid id with a few edits. */
        private Gen<String> idLike() {
            return weighted(List.of(
                    Pair.of(
                            3,
                            ofChars(
                                    weighted(List.of(Pair.of(12, ascii(HEX)), Pair.of(1, lookAlike()))),
                                    Generate.constant(64))),
                    Pair.of(3, almost(ofChars(ascii(HEX), Generate.constant(64)))),
                    Pair.of(1, ofChars(ascii(HEX), UnicodeStrings.lengths())),
                    Pair.of(2, strings())));
        }
    }

    @Nested
    class AccountIds {

        @Test
        void an_account_parses_exactly_when_it_is_1_to_64_ascii_letters_digits_dots_underscores_and_hyphens() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(accountLike()).checkAssert(raw -> {
                var parsed = answers.check(AccountId.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(raw.matches("[A-Za-z0-9._-]{1,64}"));
                parsed.forEach(account -> assertThat(account.value()).isEqualTo(raw));
            });
            answers.bothSeenAtLeast(EXAMPLES / 20);
        }

        private Gen<String> accountLike() {
            var allowed = ascii("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");
            var aroundTheLimits = Generate.pick(List.of(0, 1, 2, 12, 63, 64, 65, 66));
            return weighted(List.of(
                    Pair.of(
                            3,
                            ofChars(weighted(List.of(Pair.of(20, allowed), Pair.of(1, lookAlike()))), aroundTheLimits)),
                    Pair.of(3, almost(ofChars(allowed, aroundTheLimits))),
                    Pair.of(1, ofChars(allowed, UnicodeStrings.lengths())),
                    Pair.of(2, strings())));
        }
    }

    @Nested
    class Messages {

        @Test
        void a_transfer_message_parses_exactly_when_it_is_at_most_128_code_points_without_a_lone_surrogate() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(messageLike()).checkAssert(raw -> {
                var parsed = answers.check(TransferMessage.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(isMessage(raw));
                parsed.forEach(message -> assertThat(message.value()).isEqualTo(raw));
            });
            answers.bothSeenAtLeast(EXAMPLES / 20);
        }

        @Test
        void a_reject_reason_parses_exactly_when_it_is_at_most_128_code_points_without_a_lone_surrogate() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(messageLike()).checkAssert(raw -> {
                var parsed = answers.check(RejectReason.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(isMessage(raw));
                parsed.forEach(reason -> assertThat(reason.value()).isEqualTo(raw));
            });
            answers.bothSeenAtLeast(EXAMPLES / 20);
        }

        /** The rule written independently of the code: {@code codePoints()} yields a lone surrogate as itself. */
        private boolean isMessage(String raw) {
            return raw.codePointCount(0, raw.length()) <= 128
                    && raw.codePoints().noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
        }

        /** Around 128 code points or 128 chars, of any characters, or a well-formed message with a few edits. */
        private Gen<String> messageLike() {
            var around128 = Generate.range(120, 135);
            var wellFormed = weighted(List.of(
                    Pair.of(3, UnicodeStrings.codePoints(0x20, 0xD7FF)),
                    Pair.of(1, UnicodeStrings.codePoints(0x10000, Character.MAX_CODE_POINT))));
            return weighted(List.of(
                    Pair.of(2, ofCodePoints(UnicodeStrings.anyCharacter(), around128)),
                    Pair.of(1, ofChars(UnicodeStrings.anyCharacter(), around128)),
                    Pair.of(2, almost(ofCodePoints(wellFormed, around128))),
                    Pair.of(3, strings())));
        }
    }

    @Nested
    class Statuses {

        @Test
        void a_status_parses_exactly_when_it_is_an_aws_status_name() {
            var names = Stream.of(CertificateStatus.values()).map(Enum::name).toList();
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES)
                    .forAll(weighted(List.of(Pair.of(3, almost(Generate.pick(names))), Pair.of(1, strings()))))
                    .checkAssert(raw -> {
                        var parsed = answers.check(CertificateStatus.parse(raw));
                        assertThat(parsed.isRight()).as("parsed").isEqualTo(names.contains(raw));
                        parsed.forEach(status -> assertThat(status.name()).isEqualTo(raw));
                    });
            answers.bothSeenAtLeast(6);
        }
    }

    @Nested
    class CertificatePems {

        @Test
        void a_pem_with_any_whitespace_inside_and_any_text_around_its_block_parses_to_its_certificate() {
            var answers = new ParseAnswers(RefusalCode.CERTIFICATE_VALIDATION);
            var wrapped = Generate.range(0, TestCertificates.COUNT - 1)
                    .flatMap(index -> tolerated(index)
                            .zip(
                                    strings(),
                                    strings(),
                                    (block, before, after) -> new Wrapped(index, before + block + after)));
            qt().withExamples(PEM_EXAMPLES).forAll(wrapped).checkAssert(input -> {
                var parsed = answers.check(CertificatePem.parse(input.text()));
                assertThat(parsed.isRight()).as("parsed").isTrue();
                assertThat(parsed.get().id()).isEqualTo(TestCertificates.id(input.index()));
                assertThat(parsed.get().pem().value()).isEqualTo(TestCertificates.pem(input.index()));
            });
        }

        @Test
        void no_text_makes_the_pem_parser_throw_and_what_it_accepts_it_answers_canonically() {
            var answers = new ParseAnswers(RefusalCode.CERTIFICATE_VALIDATION);
            qt().withExamples(PEM_EXAMPLES).forAll(pemLike()).checkAssert(raw -> {
                answers.check(CertificatePem.parse(raw)).forEach(parsed -> {
                    assertCanonical(parsed.pem().value());
                    var der = Base64.getMimeDecoder()
                            .decode(parsed.pem().value().replace(BEGIN, "").replace(END, ""));
                    assertThat(parsed.id()).isEqualTo(CertificateId.ofDer(der));
                    assertThat(CertificatePem.parse(parsed.pem().value()).get().pem())
                            .isEqualTo(parsed.pem());
                });
            });
            answers.bothSeenAtLeast(PEM_EXAMPLES / 10);
        }

        /** A fixture's PEM with edits anywhere, its DER changed and armoured again, or any text at all. */
        private Gen<String> pemLike() {
            var index = Generate.range(0, TestCertificates.COUNT - 1);
            return weighted(List.of(
                    Pair.of(3, almost(index.map(TestCertificates::pem))),
                    Pair.of(3, index.flatMap(i -> editedDer(i)).map(ParsingIsTotalTest::armour)),
                    Pair.of(1, index.flatMap(i -> tolerated(i))),
                    Pair.of(1, strings().map(body -> BEGIN + '\n' + body + '\n' + END)),
                    Pair.of(1, strings())));
        }
    }

    /**
     * Certificate {@code index}'s armour around its base64 without line breaks, with runs of whitespace put anywhere.
     */
    private static Gen<String> tolerated(int index) {
        var base64 = Base64.getEncoder().encodeToString(der(index));
        var runs = ofChars(whitespace(), Generate.range(1, 3));
        var positions = Generate.range(0, base64.length());
        var count = Generate.range(0, 40);
        return in -> {
            var body = new StringBuilder(base64);
            for (int n = count.generate(in); n > 0; n--) {
                body.insert(positions.generate(in) % (body.length() + 1), runs.generate(in));
            }
            return BEGIN + runs.generate(in) + body + runs.generate(in) + END;
        };
    }

    /** Certificate {@code index}'s DER with one to three bytes changed, cut off, added or inserted. */
    private static Gen<byte[]> editedDer(int index) {
        var original = der(index);
        var edits = Generate.range(1, 3);
        var kinds = Generate.range(0, 3);
        var positions = Generate.range(0, Integer.MAX_VALUE - 1);
        var bytes = Generate.range(0, 255);
        return in -> {
            var der = original;
            for (int n = edits.generate(in); n > 0 && der.length > 0; n--) {
                int at = positions.generate(in) % der.length;
                byte value = bytes.generate(in).byteValue();
                der = switch (kinds.generate(in)) {
                    case 0 -> replaced(der, at, value);
                    case 1 -> Arrays.copyOf(der, at);
                    case 2 -> inserted(der, der.length, value);
                    default -> inserted(der, at, value);
                };
            }
            return der;
        };
    }

    private static byte[] replaced(byte[] der, int at, byte value) {
        var copy = der.clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] inserted(byte[] der, int at, byte value) {
        var copy = new byte[der.length + 1];
        System.arraycopy(der, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(der, at, copy, at + 1, der.length - at);
        return copy;
    }

    private static String armour(byte[] der) {
        return BEGIN + '\n' + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + '\n' + END + '\n';
    }

    private static byte[] der(int index) {
        var pem = TestCertificates.pem(index);
        return Base64.getMimeDecoder().decode(pem.replace(BEGIN, "").replace(END, ""));
    }

    /** Text holding certificate {@code index}'s block. */
    private record Wrapped(int index, String text) {}

    /** One block of 64-character base64 lines (the last one shorter or equal), ending with a line break. */
    private static void assertCanonical(String pem) {
        assertThat(pem).startsWith(BEGIN + '\n').endsWith('\n' + END + '\n');
        var lines = pem.substring(BEGIN.length() + 1, pem.length() - END.length() - 2)
                .split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).matches(i < lines.length - 1 ? "[A-Za-z0-9+/]{64}" : "[A-Za-z0-9+/]{1,64}={0,2}");
        }
    }
}
