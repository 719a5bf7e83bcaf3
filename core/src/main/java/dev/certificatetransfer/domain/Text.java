package dev.certificatetransfer.domain;

/** Character checks shared by the typed values, written out so that no regex runs per call. */
final class Text {

    private Text() {}

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** ASCII letters, digits, {@code .}, {@code _} and {@code -} only: the characters of an account id. */
    static boolean isAccountCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9')
                    && !(c >= 'a' && c <= 'z')
                    && !(c >= 'A' && c <= 'Z')
                    && c != '.'
                    && c != '_'
                    && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** ASCII hex digits of either case only: {@link Character#digit} would also take other scripts' digits. */
    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    static boolean isLowerCaseHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** At most 128 characters (code points) of well-formed Unicode: a lone surrogate cannot be stored or sent. */
    static boolean fitsMessage(String s) {
        return s != null && s.codePointCount(0, s.length()) <= MESSAGE_MAX_LENGTH && isWellFormedUnicode(s);
    }

    static boolean isWellFormedUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The text with every character that could forge or hide a log line escaped: a line feed, carriage return and
     * tab as backslash {@code n}, {@code r}, {@code t}; other control, format, separator, private-use, unassigned
     * and lone surrogate characters as backslash {@code u} and four hex digits per UTF-16 unit; and the backslash
     * itself doubled so that an escape cannot be faked. Letters of any script, digits, symbols, punctuation and the
     * plain space stay as they are.
     */
    static String escaped(String s) {
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (isPrintable(c)) {
                        out.appendCodePoint(c);
                    } else {
                        for (char unit : Character.toChars(c)) {
                            out.append(String.format("\\u%04X", (int) unit));
                        }
                    }
                }
            }
        });
        return out.toString();
    }

    private static boolean isPrintable(int c) {
        return c == ' '
                || switch (Character.getType(c)) {
                    case Character.CONTROL,
                            Character.FORMAT,
                            Character.LINE_SEPARATOR,
                            Character.PARAGRAPH_SEPARATOR,
                            Character.SPACE_SEPARATOR,
                            Character.PRIVATE_USE,
                            Character.UNASSIGNED,
                            Character.SURROGATE -> false;
                    default -> true;
                };
    }

    /** Transfer messages and reject reasons are at most 128 characters (AWS). */
    static final int MESSAGE_MAX_LENGTH = 128;
}
