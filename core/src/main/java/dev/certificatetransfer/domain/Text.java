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

    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
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

    static boolean fitsMessage(String s) {
        return s != null && s.codePointCount(0, s.length()) <= MESSAGE_MAX_LENGTH;
    }

    /** Transfer messages and reject reasons are at most 128 characters (AWS). */
    static final int MESSAGE_MAX_LENGTH = 128;
}
