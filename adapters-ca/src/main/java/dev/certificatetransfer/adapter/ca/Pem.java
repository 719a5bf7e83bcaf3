package dev.certificatetransfer.adapter.ca;

import io.vavr.control.Either;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * PEM text in and out. Reading is as lenient as RFC 7468 asks of parsers (text around the block, any line breaks or
 * whitespace inside it, a leading byte-order mark) and strict about the rest: one block of an expected label, valid
 * base64, at most {@link #MAX_LENGTH} characters. Its refusals never quote the text.
 */
final class Pem {

    /** The longest PEM text read, as AWS limits its PEM inputs. */
    static final int MAX_LENGTH = 65_536;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Pem() {}

    /**
     * The DER of the one block of the text labelled with one of the labels.
     *
     * @param raw the text, possibly null
     * @param what what the text is, for the refusal (such as "the certificate signing request")
     * @param labels the labels accepted (such as {@code CERTIFICATE REQUEST})
     * @return the DER, or why there is none; never throws
     */
    static Either<String, byte[]> read(String raw, String what, List<String> labels) {
        if (raw == null || raw.isBlank()) {
            return Either.left(what + " is required");
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left(what + " must be at most " + MAX_LENGTH + " characters");
        }
        var label = labels.stream().filter(l -> raw.contains(begin(l))).findFirst();
        if (label.isEmpty()) {
            return Either.left(
                    what + " must be a PEM block from " + begin(labels.get(0)) + " to " + end(labels.get(0)));
        }
        int begin = raw.indexOf(begin(label.get()));
        int end = raw.indexOf(end(label.get()), begin);
        if (end < 0) {
            return Either.left(what + " has no " + end(label.get()) + " line");
        }
        if (raw.indexOf("-----BEGIN ", end) >= 0 || raw.lastIndexOf("-----BEGIN ", begin - 1) >= 0) {
            // a second block of any kind: a device's private key pasted with its request is refused, not ignored
            return Either.left(what + " must be exactly one PEM block, and no other block beside it");
        }
        return decode(raw.substring(begin + begin(label.get()).length(), end), what);
    }

    /**
     * The DER armoured as PEM: 64-character base64 lines, each ended by {@code \n}.
     *
     * @param label the block's label, such as {@code CERTIFICATE}
     * @param der the bytes
     * @return the PEM text
     */
    static String write(String label, byte[] der) {
        var lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return begin(label) + '\n' + lines + '\n' + end(label) + '\n';
    }

    private static Either<String, byte[]> decode(String body, String what) {
        var base64 = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (isBase64(c)) {
                base64.append(c);
            } else if (!isIgnorable(c)) {
                return Either.left(what + " holds a character that is neither base64 nor whitespace");
            }
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64.toString());
            return der.length == 0 ? Either.left("the PEM block of " + what + " is empty") : Either.right(der);
        } catch (IllegalArgumentException e) {
            return Either.left("the PEM block of " + what + " is not valid base64");
        }
    }

    private static String begin(String label) {
        return "-----BEGIN " + label + "-----";
    }

    private static String end(String label) {
        return "-----END " + label + "-----";
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '+'
                || c == '/'
                || c == '=';
    }

    /** Whitespace and line breaks of any kind (ASCII, NEL, Unicode separators), and a stray byte-order mark. */
    private static boolean isIgnorable(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == BYTE_ORDER_MARK;
    }
}
