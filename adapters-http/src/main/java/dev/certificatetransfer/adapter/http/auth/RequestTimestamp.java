package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When the client signed: the {@code x-amz-date} header (ISO 8601 basic, {@code 20150830T123600Z}), else the
 * {@code date} header (the same format, or RFC 1123 as HTTP writes it). {@code header} names the one used;
 * {@code basic} is the instant in ISO 8601 basic format, as it enters the string to sign (an x-amz-date as sent).
 */
record RequestTimestamp(Instant instant, String header, String basic) {

    static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    static Either<AuthenticationRefusal, RequestTimestamp> of(HttpRequest request) {
        List<String> amzDate = request.header("x-amz-date");
        List<String> date = request.header("date");
        if (!amzDate.isEmpty()) {
            return parse(amzDate, "x-amz-date");
        }
        if (!date.isEmpty()) {
            return parse(date, "date");
        }
        return Either.left(AuthenticationRefusal.missingToken(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    }

    private static Either<AuthenticationRefusal, RequestTimestamp> parse(List<String> values, String header) {
        if (values.size() == 1) {
            String value = values.get(0).strip();
            Option<Instant> basic = parseBasic(value);
            if (basic.isDefined()) {
                return Either.right(new RequestTimestamp(basic.get(), header, value));
            }
            for (DateTimeFormatter format : List.of(BASIC, DateTimeFormatter.RFC_1123_DATE_TIME)) {
                try {
                    var instant = ZonedDateTime.parse(value, format).toInstant();
                    return Either.right(new RequestTimestamp(instant, header, basicOf(instant)));
                } catch (DateTimeParseException notThisFormat) {
                    // try the next format
                }
            }
        }
        return Either.left(AuthenticationRefusal.missingToken(
                "The " + header + " header must be one date in ISO 8601 basic format, such as 20150830T123600Z."));
    }

    /** ISO 8601 basic ({@code 20150830T123600Z}) read by hand, as every SDK sends it; none if it is not that. */
    private static Option<Instant> parseBasic(String value) {
        if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return Option.none();
        }
        int[] digits = new int[14];
        for (int i = 0, d = 0; i < 15; i++) {
            if (i == 8) {
                continue;
            }
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return Option.none();
            }
            digits[d++] = c - '0';
        }
        try {
            return Option.some(LocalDateTime.of(
                            number(digits, 0, 4),
                            number(digits, 4, 2),
                            number(digits, 6, 2),
                            number(digits, 8, 2),
                            number(digits, 10, 2),
                            number(digits, 12, 2))
                    .toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException notADate) {
            return Option.none();
        }
    }

    private static int number(int[] digits, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + digits[i];
        }
        return n;
    }

    /** The timestamp as it enters the string to sign (written by hand: a formatter cost 2 % of a request). */
    private static String basicOf(Instant instant) {
        var time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (time.getYear() < 0 || time.getYear() > 9999) {
            return BASIC.format(instant);
        }
        var text = new StringBuilder(16);
        digits(text, time.getYear(), 4);
        digits(text, time.getMonthValue(), 2);
        digits(text, time.getDayOfMonth(), 2);
        digits(text.append('T'), time.getHour(), 2);
        digits(text, time.getMinute(), 2);
        digits(text, time.getSecond(), 2);
        return text.append('Z').toString();
    }

    /** The day, {@code yyyyMMdd}, that the credential scope must name. */
    String day() {
        return basic.substring(0, 8);
    }

    private static void digits(StringBuilder text, int value, int width) {
        for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
    }
}
