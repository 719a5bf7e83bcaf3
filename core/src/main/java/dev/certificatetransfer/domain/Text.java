package dev.certificatetransfer.domain;

/** Character checks shared by the typed values, written out so that no regex runs per call. */
final class Text {

    private Text() {
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
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

    /** Transfer messages and reject reasons are at most 128 characters (AWS). */
    static final int MESSAGE_MAX_LENGTH = 128;
}
