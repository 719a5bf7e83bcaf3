package dev.certificatetransfer.adapter.http.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as received, before any decoding, with no server types: what the translation layer answers and
 * what Signature Version 4 signs. The path and query are exactly as on the request line (still percent-encoded);
 * header names are lower-cased (a name may repeat: its values keep their order).
 *
 * @param method the method, matched case-sensitively (RFC 9110)
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the text after {@code ?} as sent, empty when the request line has none ({@code null} is taken as
 *        none)
 * @param headers the headers; names are lower-cased here, so {@link #header} matches them case-insensitively
 * @param body the body bytes, empty when there is none ({@code null} is taken as none)
 */
@SuppressWarnings("ArrayRecordComponent") // the body is not copied; equals and hashCode compare its bytes
public record HttpRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    /**
     * A request; the headers are copied with their names lower-cased.
     *
     * @param method the method
     * @param rawPath the path as sent
     * @param rawQuery the query as sent, empty or null when there is none
     * @param headers the headers, names in any case
     * @param body the body bytes, empty or null when there are none
     * @throws NullPointerException if the method, the path or the headers are null
     */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = lowerCased(Objects.requireNonNull(headers, "headers"));
        body = body == null ? NO_BODY : body;
    }

    /**
     * The values of a header, in the order received.
     *
     * @param name the header's name, matched case-insensitively
     * @return its values; empty if the request has no such header
     */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * This request with another body, as when a body is read after the head was checked.
     *
     * @param body the body bytes, empty or null when there are none
     * @return a request with this method, path, query and headers, and that body
     */
    public HttpRequest withBody(byte[] body) {
        return new HttpRequest(method, rawPath, rawQuery, headers, body);
    }

    /**
     * Whether the other is a request with the same method, path, query, headers and body bytes.
     *
     * @param other any object
     * @return true for an equal request
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequest that
                && method.equals(that.method)
                && rawPath.equals(that.rawPath)
                && rawQuery.equals(that.rawQuery)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    /**
     * A hash of the method, path, query, headers and body bytes, consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Names the headers but prints none of their values: an Authorization header may carry a bearer token. */
    @Override
    public String toString() {
        return "HttpRequest[" + method + ' ' + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + ", headers="
                + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        var merged = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> merged.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values == null ? List.of() : values));
        merged.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(merged);
    }
}
