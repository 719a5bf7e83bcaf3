package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The canonical request of Signature Version 4, built from the request as received: what the client hashed and
 * signed. The path is normalised and URI-encoded once more, as AWS does for every service but S3 (and as the AWS
 * SDK for Java v2 and botocore sign it): an escape such as {@code %20} in the raw path is signed as {@code %2520}.
 */
final class CanonicalRequest {

    private CanonicalRequest() {}

    /** The canonical request's six lines, for the headers named in {@code signedHeaders} and this payload hash. */
    static String of(HttpRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method()
                + '\n'
                + uri(request.rawPath())
                + '\n'
                + query(request.rawQuery())
                + '\n'
                + headers(request, signedHeaders)
                + '\n'
                + String.join(";", signedHeaders)
                + '\n'
                + payloadHash;
    }

    /** The raw path without empty, {@code .} and {@code ..} segments, each segment encoded again. */
    static String uri(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(UriEncoding.encode(segment, false));
            }
        }
        String joined = "/" + String.join("/", segments);
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        return trailingSlash ? joined + "/" : joined;
    }

    /** Parameters split on {@code &} and {@code =}, decoded, encoded per RFC 3986, sorted by name then value. */
    static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> parameters = new ArrayList<>();
        for (String pair : rawQuery.split("&", -1)) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                parameters.add(new String[] {reencode(name), reencode(value)});
            }
        }
        parameters.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        var joined = new StringBuilder();
        for (String[] parameter : parameters) {
            joined.append(joined.length() == 0 ? "" : "&")
                    .append(parameter[0])
                    .append('=')
                    .append(parameter[1]);
        }
        return joined.toString();
    }

    /** One {@code name:value} line per signed header: values trimmed, inner whitespace runs made one space. */
    static String headers(HttpRequest request, List<String> signedHeaders) {
        var lines = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = new ArrayList<>();
            request.header(name).forEach(value -> values.add(collapseWhitespace(value)));
            lines.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        return lines.toString();
    }

    private static String reencode(String component) {
        return UriEncoding.encodeBytes(UriEncoding.decode(component), false);
    }

    /** Trims and collapses runs of the whitespace the AWS SDK for Java v2 collapses: space, HT, LF, VT, FF, CR. */
    static String collapseWhitespace(String value) {
        var out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                out.append(pendingSpace ? " " : "").append(c);
                pendingSpace = false;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
