package dev.certificatetransfer.adapter.http.message;

import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response with no server types: what the translation layer answers, for the host's server to write.
 *
 * @param status the HTTP status
 * @param headers the headers to send, in order, one value each
 * @param body the body bytes, maybe empty; not copied, so not to be changed after the response is made
 */
@SuppressWarnings("ArrayRecordComponent") // the body is not copied; equals and hashCode compare its bytes
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    /** How much of the body {@link #toString()} shows. */
    private static final int PRINTED_BODY_CHARACTERS = 200;

    /** What the PEM armour of every private key holds, in its BEGIN line ({@code RSA}, {@code EC} or none before). */
    private static final String PRIVATE_KEY = "PRIVATE KEY-----";

    /**
     * A response; the headers are copied.
     *
     * @param status the HTTP status
     * @param headers the headers to send
     * @param body the body bytes
     * @throws NullPointerException if the headers or the body are null
     */
    public HttpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * The value of a header this response sends.
     *
     * @param name the header's name, matched case-insensitively
     * @return its value; none if the response has no such header
     */
    public Option<String> header(String name) {
        return Option.ofOptional(headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst());
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the other is a response with the same status, headers and body bytes.
     *
     * @param other any object
     * @return true for an equal response
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpResponse that
                && status == that.status
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    /**
     * A hash of the status, the headers and the body bytes, consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /**
     * The status, the headers and the body's first 200 characters with its length, so
     * that a logged response (a certificate's PEM, a long listing) stays one short line. A body that holds a private
     * key (CreateKeysAndCertificate's answer) is not shown at all.
     *
     * @return the response in short
     */
    @Override
    public String toString() {
        var text = bodyText();
        var shown = text.contains(PRIVATE_KEY)
                ? "(holds a private key: not shown)"
                : text.length() <= PRINTED_BODY_CHARACTERS ? text : text.substring(0, PRINTED_BODY_CHARACTERS) + "…";
        return "HttpResponse[" + status + ", " + headers + ", " + body.length + " bytes: " + shown + "]";
    }
}
