package dev.certificatetransfer.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An HTTP response with no server types: the status, the headers to send, and the body bytes (maybe empty). */
public record HttpResponse(int status, Map<String, String> headers, byte[] body) {

    public HttpResponse {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The value of a header this response sends, matched case-insensitively, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + ", " + headers + ", " + bodyText() + "]";
    }
}
