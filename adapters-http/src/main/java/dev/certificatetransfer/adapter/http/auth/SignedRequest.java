package dev.certificatetransfer.adapter.http.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A request as received, before any decoding: what Signature Version 4 signs. {@code rawPath} and {@code rawQuery}
 * are exactly as on the request line ({@code rawQuery} is null when there is none); header names are lower-cased
 * here (a name may repeat: its values keep their order); a null body is an empty one.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    private static final byte[] EMPTY = new byte[0];

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = lowerCased(Objects.requireNonNull(headers, "headers"));
        body = body == null ? EMPTY : body;
    }

    /** The values of a header, in the order received; empty if absent. */
    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /** Names the headers but prints none of their values: an Authorization header may carry a bearer token. */
    @Override
    public String toString() {
        return "SignedRequest[" + method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery)
                + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }
}
