package dev.certificatetransfer.testing;

import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.List;
import java.util.Locale;

/**
 * Generators of untrusted text for proving that a parser is total: characters from every plane, lone surrogates,
 * combining marks, other scripts' digits, fullwidth forms, controls and whitespace, at lengths around the limits
 * the typed values check, and "almost valid" text that differs from valid input in a character or three.
 */
public final class UnicodeStrings {

    /** Lengths at and around the limits the typed values check: ids (12, 64), messages (128), markers (1024). */
    public static final List<Integer> BOUNDARY_LENGTHS =
            List.of(0, 1, 2, 3, 4, 11, 12, 13, 63, 64, 65, 127, 128, 129, 1023, 1024, 1025);

    private UnicodeStrings() {}

    /** Any one character: a code point of any plane or a lone surrogate, mostly from the classes parsers trip on. */
    public static Gen<String> anyCharacter() {
        return weighted(List.of(
                Pair.of(3, asciiPrintable()),
                Pair.of(2, ascii("0123456789abcdefABCDEF")),
                Pair.of(1, ascii("=+/:-_.")),
                Pair.of(2, lookAlike()),
                Pair.of(2, codePoints(0, 0xFFFF)),
                Pair.of(2, codePoints(0x10000, Character.MAX_CODE_POINT))));
    }

    /**
     * A character a careless check mistakes for an ASCII digit, letter or space, or that breaks text handling:
     * other scripts' digits (some outside the BMP), fullwidth digits and hex letters, combining marks, letters whose
     * case mapping leaves ASCII, lone high and low surrogates, controls and NUL, whitespace of every kind, emoji.
     */
    public static Gen<String> lookAlike() {
        return weighted(List.of(
                Pair.of(4, otherScriptsDigits()),
                Pair.of(3, oneOf(codePoints(0xFF21, 0xFF26), codePoints(0xFF41, 0xFF46))),
                Pair.of(2, codePoints(0x0300, 0x036F)),
                Pair.of(1, Generate.pick(List.of("\u0130", "\u0131", "\u212A", "\u017F", "\u00DF", "\uFB00"))),
                Pair.of(2, codePoints(Character.MIN_HIGH_SURROGATE, Character.MAX_HIGH_SURROGATE)),
                Pair.of(2, codePoints(Character.MIN_LOW_SURROGATE, Character.MAX_LOW_SURROGATE)),
                Pair.of(2, oneOf(codePoints(0, 0x1F), codePoints(0x7F, 0x9F))),
                Pair.of(1, Generate.constant("\0")),
                Pair.of(2, whitespace()),
                Pair.of(1, codePoints(0x1F600, 0x1F64F)),
                Pair.of(1, Generate.pick(List.of("\uFFFE", "\uFFFF", "\uFDD0")))));
    }

    /**
     * Decimal digits of scripts other than ASCII: Arabic-Indic, Extended Arabic-Indic, Devanagari, fullwidth, and two
     * sets outside the BMP (Osmanya, mathematical digits).
     */
    public static Gen<String> otherScriptsDigits() {
        return weighted(List.of(
                Pair.of(1, codePoints(0x0660, 0x0669)),
                Pair.of(1, codePoints(0x06F0, 0x06F9)),
                Pair.of(1, codePoints(0x0966, 0x096F)),
                Pair.of(2, codePoints(0xFF10, 0xFF19)),
                Pair.of(1, codePoints(0x104A0, 0x104A9)),
                Pair.of(1, codePoints(0x1D7CE, 0x1D7FF))));
    }

    /** One whitespace or line-break character: ASCII ones, NEL, no-break and typographic spaces, U+2028/9, a BOM. */
    public static Gen<String> whitespace() {
        return Generate.pick(List.of(
                " ", "\t", "\n", "\r", "\u000B", "\f", "\u0085", "\u00A0", "\u1680", "\u2000", "\u2007", "\u200A",
                "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF"));
    }

    /** Any string: any characters, at a boundary length or a short random one, counted in chars or code points. */
    public static Gen<String> strings() {
        return weighted(List.of(
                Pair.of(1, ofChars(anyCharacter(), lengths())), Pair.of(1, ofCodePoints(anyCharacter(), lengths()))));
    }

    /** A boundary length (mostly) or any length up to 300. */
    public static Gen<Integer> lengths() {
        return weighted(List.of(Pair.of(3, Generate.pick(BOUNDARY_LENGTHS)), Pair.of(2, Generate.range(0, 300))));
    }

    /**
     * Exactly as many chars (UTF-16 units) as {@code lengths} draws, taken from {@code characters}; a surrogate pair
     * that would overrun that length is cut to its high half, which is one more lone surrogate.
     */
    public static Gen<String> ofChars(Gen<String> characters, Gen<Integer> lengths) {
        return in -> {
            int length = lengths.generate(in);
            var text = new StringBuilder(length);
            while (text.length() < length) {
                String c = characters.generate(in);
                text.append(text.length() + c.length() > length ? c.substring(0, 1) : c);
            }
            return text.toString();
        };
    }

    /**
     * As many characters as {@code lengths} draws, taken from {@code characters}, each one code point (or one lone
     * surrogate).
     */
    public static Gen<String> ofCodePoints(Gen<String> characters, Gen<Integer> lengths) {
        return in -> {
            int length = lengths.generate(in);
            var text = new StringBuilder(length * 2);
            for (int i = 0; i < length; i++) {
                text.append(characters.generate(in));
            }
            return text.toString();
        };
    }

    /**
     * Valid input with zero to three small edits: a char replaced by a look-alike of the same length (so the
     * length checks pass), a character inserted or deleted, or a char's case changed.
     */
    public static Gen<String> almost(Gen<String> valid) {
        Gen<Integer> edits = weighted(List.of(
                Pair.of(1, Generate.constant(0)), Pair.of(2, Generate.constant(1)), Pair.of(1, Generate.range(2, 3))));
        Gen<Integer> kinds = Generate.range(0, 9);
        Gen<Integer> positions = Generate.range(0, Integer.MAX_VALUE - 1);
        Gen<String> replacements = weighted(List.of(Pair.of(3, lookAlike()), Pair.of(1, anyCharacter())));
        return in -> {
            var text = new StringBuilder(valid.generate(in));
            for (int n = edits.generate(in); n > 0; n--) {
                int at = text.length() == 0 ? 0 : positions.generate(in) % text.length();
                edit(text, at, kinds.generate(in), replacements.generate(in));
            }
            return text.toString();
        };
    }

    private static void edit(StringBuilder text, int at, int kind, String character) {
        if (text.length() == 0 || kind == 9) {
            text.insert(at, character);
        } else if (kind == 8) {
            text.deleteCharAt(at);
        } else if (kind == 7) {
            String c = text.substring(at, at + 1);
            String swapped =
                    c.toUpperCase(Locale.ROOT).equals(c) ? c.toLowerCase(Locale.ROOT) : c.toUpperCase(Locale.ROOT);
            text.replace(at, at + 1, swapped);
        } else {
            int end = Math.min(text.length(), at + character.length());
            text.replace(at, end, character.substring(0, end - at));
        }
    }

    /** A character picked from {@code alphabet}, which holds ASCII characters only. */
    public static Gen<String> ascii(String alphabet) {
        return Generate.range(0, alphabet.length() - 1).map(i -> alphabet.substring(i, i + 1));
    }

    private static Gen<String> asciiPrintable() {
        return codePoints(0x20, 0x7E);
    }

    /** One code point from the range, as a string; a surrogate code point becomes one lone surrogate. */
    public static Gen<String> codePoints(int first, int last) {
        return Generate.range(first, last).map(codePoint -> Character.toString(codePoint));
    }

    /** Picks one of the generators, weighted (a list, because QuickTheories' varargs form is not type-safe). */
    public static <T> Gen<T> weighted(List<Pair<Integer, Gen<T>>> choices) {
        return Generate.frequency(choices);
    }

    private static <T> Gen<T> oneOf(Gen<T> a, Gen<T> b) {
        return weighted(List.of(Pair.of(1, a), Pair.of(1, b)));
    }
}
