package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

/** Input validation (check 1) of listings: the page size and the marker a caller sends as text. */
class PagingInputTest {

    private static final PageMarker ISSUED = KeysetPages.markerAfter(
            new ListingKey(Instant.parse("2026-11-27T10:15:30.012345678Z"), TestCertificates.id(0)));

    @Nested
    class PageMarkers {

        @Test
        void a_marker_issued_after_a_key_parses_back_to_that_key() {
            var parsed = PageMarker.parse(ISSUED.value()).get();
            assertThat(KeysetPages.keyOf(parsed)).isEqualTo(KeysetPages.keyOf(ISSUED));
            assertThat(parsed.value()).isEqualTo(ISSUED.value());
        }

        @Test
        void a_marker_over_1024_characters_is_an_invalid_request_that_says_so() {
            var refused = PageMarker.parse("A".repeat(1028)).getLeft();
            assertThat(refused.code()).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(refused.message()).contains("at most 1024");
        }

        @Test
        void a_marker_of_exactly_1024_characters_is_judged_on_what_it_says_not_on_its_length() {
            var refused = PageMarker.parse("A".repeat(1024)).getLeft();
            assertThat(refused.code()).isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(refused.message()).doesNotContain("at most");
        }

        @ParameterizedTest
        @ValueSource(strings = {"MTo-MTo_", "MToxOjI6-A==", "_w==", "-___"})
        void a_marker_in_the_url_safe_alphabet_is_an_invalid_request(String marker) {
            assertThat(PageMarker.parse(marker).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }

        @Test
        void a_marker_with_padding_in_the_middle_is_an_invalid_request() {
            assertThat(ISSUED.value()).endsWith("=");
            assertThat(PageMarker.parse(ISSUED.value() + ISSUED.value())
                            .getLeft()
                            .code())
                    .isEqualTo(RefusalCode.INVALID_REQUEST);
            assertThat(PageMarker.parse("AA==AAAA").getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
    }

    @Nested
    class PageSizes {

        @ParameterizedTest
        @ValueSource(strings = {"1", "25", "250"})
        void one_to_250_in_ascii_digits_is_a_page_size(String raw) {
            assertThat(PageSize.parse(raw).get().value()).isEqualTo(Integer.parseInt(raw));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"0", "251", "-1", "+1", " 1", "1 ", "\u0663", "\uFF11", "99999999999999999999"})
        void anything_else_is_an_invalid_request(String raw) {
            assertThat(PageSize.parse(raw).getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        }
    }
}
