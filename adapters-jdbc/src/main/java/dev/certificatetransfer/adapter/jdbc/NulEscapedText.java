package dev.certificatetransfer.adapter.jdbc;

/**
 * How free text (transfer messages, reject reasons) is stored: PostgreSQL refuses the NUL character in text, and
 * the core lets it through, so NUL is written as backslash-zero and a backslash as two backslashes. Every other
 * character, quotes and non-BMP characters included, is stored as it is; the same encoding on every database keeps
 * the data portable.
 */
final class NulEscapedText {

    private static final char ESCAPE = '\\';
    private static final char NUL = '\0';

    private NulEscapedText() {}

    static String encode(String text) {
        if (text == null || (text.indexOf(NUL) < 0 && text.indexOf(ESCAPE) < 0)) {
            return text;
        }
        var encoded = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NUL) {
                encoded.append(ESCAPE).append('0');
            } else if (c == ESCAPE) {
                encoded.append(ESCAPE).append(ESCAPE);
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }

    static String decode(String stored) {
        if (stored == null || stored.indexOf(ESCAPE) < 0) {
            return stored;
        }
        var decoded = new StringBuilder(stored.length());
        for (int i = 0; i < stored.length(); i++) {
            char c = stored.charAt(i);
            if (c != ESCAPE) {
                decoded.append(c);
                continue;
            }
            if (i + 1 >= stored.length()) {
                throw new IllegalStateException("stored text ends inside an escape");
            }
            char escaped = stored.charAt(++i);
            decoded.append(escaped == '0' ? NUL : escaped);
        }
        return decoded.toString();
    }
}
