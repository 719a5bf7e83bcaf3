package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.SignedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP request as received, with no server types: the method, the path and query exactly as sent (still
 * percent-encoded), the headers with lower-cased names (a name may repeat), and the body bytes.
 *
 * @param rawQuery the text after {@code ?}, or {@code null} when the request line has none
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
        byte[] body) {

    private static final byte[] NO_BODY = new byte[0];

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        headers = lowerCased(Objects.requireNonNull(headers, "headers"));
        body = body == null ? NO_BODY : body;
    }

    /** The first value of a header, or {@code null}; the name is matched case-insensitively. */
    public String header(String name) {
        var values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The request as SigV4 signs it: nothing decoded, nothing dropped. */
    public SignedRequest toSignedRequest() {
        return new SignedRequest(method, rawPath, rawQuery, headers, body);
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        var merged = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> merged
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values == null ? List.of() : values));
        merged.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(merged);
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + ' ' + rawPath + (rawQuery == null ? "" : "?" + rawQuery) + ", "
                + body.length + " bytes]";
    }
}
