package dev.certificatetransfer.application;

import static dev.certificatetransfer.testing.UnicodeStrings.almost;
import static dev.certificatetransfer.testing.UnicodeStrings.ascii;
import static dev.certificatetransfer.testing.UnicodeStrings.lookAlike;
import static dev.certificatetransfer.testing.UnicodeStrings.ofChars;
import static dev.certificatetransfer.testing.UnicodeStrings.strings;
import static dev.certificatetransfer.testing.UnicodeStrings.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.testing.ParseAnswers;
import dev.certificatetransfer.testing.UnicodeStrings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The paging inputs a listing takes from the wire (page size as number or text, marker) answer a value or an
 * INVALID_REQUEST for any input, never an exception, and markers round-trip the listing key they were issued for.
 */
class PagingParsingIsTotalTest {

    private static final int EXAMPLES = 5_000;
    private static final String DIGITS = "0123456789";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final Pattern PADDED_BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
    private static final Pattern MARKER_TEXT = Pattern.compile("1:(-?[0-9]{1,19}):([0-9]{1,9}):[0-9a-fA-F]{64}");

    @Nested
    class PageSizes {

        @Test
        void a_number_is_a_page_size_exactly_when_it_is_1_to_250() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            var sizes = weighted(
                    List.of(Pair.of(1, integers().all()), Pair.of(1, integers().between(-5, 260))));
            qt().withExamples(EXAMPLES).forAll(sizes).checkAssert(raw -> {
                var parsed = answers.check(PageSize.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(raw >= 1 && raw <= 250);
                parsed.forEach(size -> assertThat(size.value()).isEqualTo(raw));
            });
            answers.bothSeenAtLeast(200);
        }

        @Test
        void a_text_is_a_page_size_when_it_is_ascii_digits_worth_1_to_250_and_refused_otherwise() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(sizeLike()).checkAssert(raw -> {
                var parsed = answers.check(PageSize.parse(raw));
                boolean inRange = raw.matches("[0-9]+")
                        && new BigInteger(raw).compareTo(BigInteger.ONE) >= 0
                        && new BigInteger(raw).compareTo(BigInteger.valueOf(250)) <= 0;
                assertThat(parsed.isRight()).as("parsed").isEqualTo(inRange);
                parsed.forEach(size -> assertThat(size.value()).isEqualTo(new BigInteger(raw).intValue()));
            });
            answers.bothSeenAtLeast(200);
        }

        /** Short runs of ASCII digits, signs, spaces and look-alike digits, or a near miss of a valid size. */
        private Gen<String> sizeLike() {
            var characters =
                    weighted(List.of(Pair.of(6, ascii(DIGITS)), Pair.of(1, ascii("+- ")), Pair.of(2, lookAlike())));
            return weighted(List.of(
                    Pair.of(3, ofChars(characters, Generate.range(0, 5))),
                    Pair.of(
                            2,
                            almost(Generate.pick(
                                    List.of("1", "25", "250", "251", "0", "007", "0001", "0000000250", "2147483648")))),
                    Pair.of(1, ofChars(ascii(DIGITS), Generate.range(4, 25))),
                    Pair.of(1, strings())));
        }
    }

    @Nested
    class PageMarkers {

        @Test
        void a_marker_parses_exactly_when_it_is_padded_base64_of_at_most_1024_characters_naming_a_listing_key() {
            var answers = new ParseAnswers(RefusalCode.INVALID_REQUEST);
            qt().withExamples(EXAMPLES).forAll(markerLike()).checkAssert(raw -> {
                var parsed = answers.check(PageMarker.parse(raw));
                assertThat(parsed.isRight()).as("parsed").isEqualTo(namesAKey(raw));
                parsed.forEach(marker -> {
                    var reissued =
                            KeysetPages.markerAfter(KeysetPages.keyOf(marker)).value();
                    assertThat(marker.value())
                            .as("the canonical encoding of its key")
                            .isEqualTo(reissued);
                    assertThat(KeysetPages.keyOf(PageMarker.parse(reissued).get()))
                            .isEqualTo(KeysetPages.keyOf(marker));
                });
                if (raw.length() > 1024) {
                    assertThat(parsed.getLeft().message()).contains("at most 1024");
                }
            });
            answers.bothSeenAtLeast(EXAMPLES / 20);
        }

        @Test
        void the_marker_issued_after_any_key_is_short_padded_base64_and_parses_back_to_that_key() {
            qt().withExamples(EXAMPLES).forAll(keys()).checkAssert(key -> {
                var issued = KeysetPages.markerAfter(key);
                assertThat(issued.value()).matches(PADDED_BASE64).hasSizeLessThanOrEqualTo(1024);
                var parsed = PageMarker.parse(issued.value());
                assertThat(parsed.isRight()).as("%s parsed", issued).isTrue();
                assertThat(KeysetPages.keyOf(parsed.get())).isEqualTo(key);
                assertThat(parsed.get().value()).isEqualTo(issued.value());
            });
        }

        /** The rule written independently of the code, through the JDK's own base64 decoder. */
        private boolean namesAKey(String raw) {
            if (raw.length() > 1024
                    || raw.length() % 4 != 0
                    || !PADDED_BASE64.matcher(raw).matches()) {
                return false;
            }
            var text = MARKER_TEXT.matcher(new String(Base64.getDecoder().decode(raw), StandardCharsets.ISO_8859_1));
            return text.matches()
                    && new BigInteger(text.group(1)).compareTo(BigInteger.valueOf(Instant.MAX.getEpochSecond())) <= 0
                    && new BigInteger(text.group(1)).compareTo(BigInteger.valueOf(Instant.MIN.getEpochSecond())) >= 0;
        }

        /**
         * Issued markers with edits; padded base64 of marker-like text with edits in its numbers and id; base64
         * characters mixed with look-alikes, URL-safe ones and padding, at lengths around 1024; any text.
         */
        private Gen<String> markerLike() {
            var base64Text =
                    weighted(List.of(Pair.of(20, ascii(BASE64)), Pair.of(1, ascii("-_=")), Pair.of(1, lookAlike())));
            var lengths = weighted(List.of(
                    Pair.of(1, UnicodeStrings.lengths()),
                    Pair.of(1, Generate.pick(List.of(4, 8, 128, 1020, 1024, 1028)))));
            return weighted(List.of(
                    Pair.of(
                            3,
                            almost(keys().map(
                                            key -> KeysetPages.markerAfter(key).value()))),
                    Pair.of(3, markerText().map(text -> base64(text.getBytes(StandardCharsets.UTF_8)))),
                    Pair.of(2, ofChars(base64Text, lengths)),
                    Pair.of(1, strings())));
        }

        private String base64(byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }

        /** "1:seconds:nanos:id" with its parts near their limits, often edited. */
        private Gen<String> markerText() {
            var seconds = Generate.pick(List.of(
                    "0",
                    "1700000000",
                    Long.toString(Instant.MAX.getEpochSecond()),
                    Long.toString(Instant.MAX.getEpochSecond() + 1),
                    "9223372036854775807",
                    "9223372036854775808",
                    "00000000000000000001",
                    "-1",
                    Long.toString(Instant.MIN.getEpochSecond()),
                    Long.toString(Instant.MIN.getEpochSecond() - 1),
                    "-9223372036854775808",
                    "-0"));
            var nanos = Generate.pick(List.of("0", "999999999", "1000000000", "000000001"));
            var ids = ofChars(ascii("0123456789abcdefABCDEF"), Generate.pick(List.of(63, 64, 65)));
            return almost(Generate.pick(List.of("1", "2", ""))
                    .zip(seconds, nanos, ids, (version, s, n, id) -> version + ':' + s + ':' + n + ':' + id));
        }
    }

    /** Any listing key: any second from {@link Instant#MIN} to {@link Instant#MAX} (before 1970 too), any id. */
    private static Gen<ListingKey> keys() {
        var seconds = weighted(List.of(
                Pair.of(2, Generate.longRange(0, Instant.MAX.getEpochSecond())),
                Pair.of(1, Generate.longRange(Instant.MIN.getEpochSecond(), -1)),
                Pair.of(1, Generate.longRange(1_600_000_000L, 2_000_000_000L))));
        var nanos = Generate.range(0, 999_999_999);
        var ids = ofChars(ascii("0123456789abcdef"), Generate.constant(64))
                .map(id -> CertificateId.parse(id).get());
        return seconds.zip(nanos, ids, (s, n, id) -> new ListingKey(Instant.ofEpochSecond(s, n), id));
    }
}
