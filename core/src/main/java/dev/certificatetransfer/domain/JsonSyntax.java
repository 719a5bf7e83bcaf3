package dev.certificatetransfer.domain;

/**
 * A strict JSON (RFC 8259) syntax check, enough to tell whether a policy document is one JSON object: core keeps
 * no JSON library. Depth is bounded, so hostile nesting cannot overflow the stack.
 */
final class JsonSyntax {

    private static final int MAX_DEPTH = 64;

    private final String text;
    private int at;

    private JsonSyntax(String text) {
        this.text = text;
    }

    /** Whether the text is exactly one JSON object, surrounded by whitespace at most. */
    static boolean isObject(String text) {
        var parser = new JsonSyntax(text);
        parser.skipWhitespace();
        if (!parser.peek('{') || !parser.value(0)) {
            return false;
        }
        parser.skipWhitespace();
        return parser.at == text.length();
    }

    private boolean value(int depth) {
        if (depth > MAX_DEPTH || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        };
    }

    private boolean object(int depth) {
        at++;
        skipWhitespace();
        if (consume('}')) {
            return true;
        }
        while (true) {
            skipWhitespace();
            if (!peek('"') || !string()) {
                return false;
            }
            skipWhitespace();
            if (!consume(':')) {
                return false;
            }
            skipWhitespace();
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (consume('}')) {
                return true;
            }
            if (!consume(',')) {
                return false;
            }
        }
    }

    private boolean array(int depth) {
        at++;
        skipWhitespace();
        if (consume(']')) {
            return true;
        }
        while (true) {
            skipWhitespace();
            if (!value(depth)) {
                return false;
            }
            skipWhitespace();
            if (consume(']')) {
                return true;
            }
            if (!consume(',')) {
                return false;
            }
        }
    }

    private boolean string() {
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return true;
            }
            if (c < 0x20) {
                return false;
            }
            if (c == '\\') {
                if (at >= text.length()) {
                    return false;
                }
                char e = text.charAt(at++);
                if (e == 'u') {
                    if (at + 4 > text.length() || !isHex4(at)) {
                        return false;
                    }
                    at += 4;
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean isHex4(int from) {
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private boolean number() {
        int start = at;
        consume('-');
        if (!consume('0') && !digits()) {
            return false;
        }
        if (consume('.') && !digits()) {
            return false;
        }
        if (peek('e') || peek('E')) {
            at++;
            if (!consume('+')) {
                consume('-');
            }
            if (!digits()) {
                return false;
            }
        }
        return at > start;
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private boolean literal(String word) {
        if (text.startsWith(word, at)) {
            at += word.length();
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            at++;
            return true;
        }
        return false;
    }
}
