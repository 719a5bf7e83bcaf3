package dev.certificatetransfer.adapter.http.auth;

import io.vavr.control.Either;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * When the client signed: the {@code x-amz-date} header (ISO 8601 basic, {@code 20150830T123600Z}), else the
 * {@code date} header (the same format, or RFC 1123 as HTTP writes it). {@code header} names the one used.
 */
record RequestTimestamp(Instant instant, String header) {

    static final DateTimeFormatter BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuuMMdd").withZone(ZoneOffset.UTC);

    static Either<AuthenticationFailure, RequestTimestamp> of(SignedRequest request) {
        List<String> amzDate = request.header("x-amz-date");
        List<String> date = request.header("date");
        if (!amzDate.isEmpty()) {
            return parse(amzDate, "x-amz-date");
        }
        if (!date.isEmpty()) {
            return parse(date, "date");
        }
        return Either.left(AuthenticationFailure.missingToken(
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
    }

    private static Either<AuthenticationFailure, RequestTimestamp> parse(List<String> values, String header) {
        if (values.size() == 1) {
            String value = values.get(0).strip();
            for (DateTimeFormatter format : List.of(BASIC, DateTimeFormatter.RFC_1123_DATE_TIME)) {
                try {
                    return Either.right(new RequestTimestamp(ZonedDateTime.parse(value, format).toInstant(), header));
                } catch (DateTimeParseException notThisFormat) {
                    // try the next format
                }
            }
        }
        return Either.left(AuthenticationFailure.missingToken(
                "The " + header + " header must be one date in ISO 8601 basic format, such as 20150830T123600Z."));
    }

    /** The timestamp as it enters the string to sign. */
    String basic() {
        return BASIC.format(instant);
    }

    /** The day, {@code yyyyMMdd}, that the credential scope must name. */
    String day() {
        return DAY.format(instant);
    }
}
