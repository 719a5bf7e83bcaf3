package dev.certificatetransfer.domain;

import io.vavr.control.Either;

import java.util.Objects;

/**
 * A policy's document: a JSON object of at most {@value #MAX_LENGTH} characters once whitespace is left out (and
 * {@value #MAX_TEXT_LENGTH} with it), well-formed Unicode, kept
 * as the caller wrote it (docs/behaviour.md#17-things-policies-and-attachments). The service stores it and hands it
 * back; it does not evaluate it.
 *
 * @param value the document's text
 */
public record PolicyDocument(String value) {

    /** The most characters a document may have, whitespace not counted. */
    public static final int MAX_LENGTH = 2048;

    /** The most characters a document's text may have, whitespace included (ours: what is stored is bounded). */
    public static final int MAX_TEXT_LENGTH = 32_768;

    /**
     * A document already checked; {@link #parse} checks one a caller sent.
     *
     * @param value the document's text
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is not a JSON object of the allowed length
     */
    public PolicyDocument {
        Objects.requireNonNull(value, "value");
        if (problem(value) != null) {
            throw new IllegalArgumentException("a policy document is a JSON object of at most 2048 characters");
        }
    }

    /**
     * Input rule for a document a caller sent: MALFORMED_POLICY unless it is a JSON object of at most
     * {@value #MAX_LENGTH} characters without whitespace and {@value #MAX_TEXT_LENGTH} with it, in well-formed
     * Unicode.
     *
     * @param raw the document as sent, possibly null
     * @return the document; or MALFORMED_POLICY
     */
    public static Either<Refusal, PolicyDocument> parse(String raw) {
        if (raw == null) {
            return Either.left(new Refusal.MalformedPolicy("policyDocument is required"));
        }
        var problem = problem(raw);
        return problem == null
                ? Either.right(new PolicyDocument(raw))
                : Either.left(new Refusal.MalformedPolicy(problem));
    }

    private static String problem(String raw) {
        if (raw.length() > MAX_TEXT_LENGTH) {
            return "The policy document is longer than " + MAX_TEXT_LENGTH + " characters, whitespace included";
        }
        if (!Text.isWellFormedUnicode(raw)) {
            return "The policy document is not well-formed Unicode (a lone surrogate)";
        }
        long length = raw.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (length > MAX_LENGTH) {
            return "The policy document is " + length + " characters without whitespace; at most " + MAX_LENGTH;
        }
        return JsonSyntax.isObject(raw) ? null : "The policy document is not a JSON object";
    }

    /** The document's length only (documents can be long). */
    @Override
    public String toString() {
        return "PolicyDocument[" + value.length() + " chars]";
    }
}
