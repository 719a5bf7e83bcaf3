package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one percent-encoded path segment or query component exactly once (RFC 3986): {@code %XX} becomes the
 * byte XX, every other character stands for itself ({@code +} included: it is not a space here), and the bytes
 * must be UTF-8. A stray {@code %} or bytes that are not UTF-8 are an invalid request, never an exception.
 */
final class PercentDecoding {

    private static final Refusal MALFORMED =
            new Refusal.InvalidRequest("The request's path or query holds malformed percent-encoding");

    private PercentDecoding() {}

    static Either<Refusal, String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Either.right(raw);
        }
        var bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int percent = raw.indexOf('%', i);
            int end = percent < 0 ? raw.length() : percent;
            var text = raw.substring(i, end).getBytes(StandardCharsets.UTF_8);
            bytes.write(text, 0, text.length);
            if (percent < 0) {
                break;
            }
            if (percent + 2 >= raw.length()
                    || !isAsciiHex(raw.charAt(percent + 1))
                    || !isAsciiHex(raw.charAt(percent + 2))) {
                return Either.left(MALFORMED);
            }
            bytes.write(
                    Character.digit(raw.charAt(percent + 1), 16) * 16 + Character.digit(raw.charAt(percent + 2), 16));
            i = percent + 3;
        }
        return utf8(bytes.toByteArray());
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Either<Refusal, String> utf8(byte[] bytes) {
        try {
            return Either.right(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Either.left(MALFORMED);
        }
    }
}
