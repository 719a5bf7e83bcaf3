package dev.certificatetransfer.adapter.authorization;

import java.util.Locale;
import java.util.Objects;

/**
 * An IAM-style pattern in which {@code *} matches any run of characters and {@code ?} exactly one; matched
 * without regular expressions, in time linear in the text for all practical patterns.
 */
record WildcardPattern(String pattern, boolean ignoreCase) {

    WildcardPattern {
        Objects.requireNonNull(pattern, "pattern");
        if (ignoreCase) {
            pattern = pattern.toLowerCase(Locale.ROOT);
        }
    }

    boolean matches(String text) {
        String subject = ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < subject.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == subject.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
