package dev.certificatetransfer.adapter.http.auth;

import dev.certificatetransfer.adapter.http.message.HttpRequest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An independent Signature Version 4 signer written straight from the steps of AWS's documentation ("Create a
 * canonical request", "Create a string to sign", "Calculate the signature"), sharing no code with the verifier.
 * It signs a request given as its raw path (sent as is, its segments URI-encoded again for the canonical URI, as
 * for every service but S3), its decoded query parameters, its header lines and its body.
 */
public final class ReferenceSigner {

    public static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private final String service;

    public ReferenceSigner(String accessKeyId, String secret, String region, String service) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        this.service = service;
    }

    /** A header line as sent: the name in any case, the value untrimmed. */
    public record Header(String name, String value) {}

    /** A query parameter before encoding. */
    record Param(String name, String value) {}

    /** The request to send: what the reference signed, with x-amz-date and Authorization added. */
    @SuppressWarnings("ArrayRecordComponent") // a test's value, never compared
    public record Signed(
            String method,
            String rawPath,
            String rawQuery,
            List<Header> headers,
            byte[] body,
            String canonicalRequest,
            String stringToSign,
            String signature) {

        HttpRequest toHttpRequest() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            headers.forEach(
                    h -> map.computeIfAbsent(h.name(), n -> new ArrayList<>()).add(h.value()));
            return new HttpRequest(method, rawPath, rawQuery, map, body);
        }
    }

    /** Signs with every header given, plus x-amz-date, using the body's hash (or a given x-amz-content-sha256). */
    Signed sign(String method, String rawPath, List<Param> params, List<Header> headers, byte[] body, Instant at) {
        return sign(
                method, rawPath, canonicalUri(rawPath), canonicalQuery(params), rawQuery(params), headers, body, at);
    }

    /**
     * Signs a request as it will be sent, however odd: the raw query (or null) goes on the wire as it is and is
     * canonicalised from its text (each pair split at its first {@code =}, {@code %XX} escapes decoded to bytes, a
     * {@code %} without two hex digits kept as a byte, then every byte but the unreserved ones escaped); the path
     * loses its empty, {@code .} and {@code ..} segments (RFC 3986 normalisation) before its segments are encoded.
     */
    public Signed signAsSent(
            String method, String rawPath, String rawQuery, List<Header> headers, byte[] body, Instant at) {
        return sign(
                method,
                rawPath,
                canonicalUri(normalised(rawPath)),
                rawCanonicalQuery(rawQuery),
                rawQuery,
                headers,
                body,
                at);
    }

    private Signed sign(
            String method,
            String rawPath,
            String canonicalUri,
            String canonicalQuery,
            String rawQuery,
            List<Header> headers,
            byte[] body,
            Instant at) {
        List<Header> all = new ArrayList<>(headers);
        String amzDate = AMZ_DATE.format(at);
        all.add(new Header("X-Amz-Date", amzDate));
        TreeMap<String, List<String>> canonicalHeaders = new TreeMap<>();
        for (Header h : all) {
            canonicalHeaders
                    .computeIfAbsent(h.name().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(h.value().replaceAll("\\s+", " ").replaceAll("^ | $", ""));
        }
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        StringBuilder headerBlock = new StringBuilder();
        canonicalHeaders.forEach((name, values) -> headerBlock
                .append(name)
                .append(':')
                .append(String.join(",", values))
                .append('\n'));
        String payloadHash = canonicalHeaders.containsKey("x-amz-content-sha256")
                ? canonicalHeaders.get("x-amz-content-sha256").get(0)
                : hex(sha256(body));
        String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + headerBlock + "\n"
                + signedHeaders + "\n" + payloadHash;
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] kDate = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), amzDate.substring(0, 8));
        byte[] kSigning = hmac(hmac(hmac(kDate, region), service), "aws4_request");
        String signature = hex(hmac(kSigning, stringToSign));
        all.add(new Header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders
                        + ", Signature=" + signature));
        return new Signed(method, rawPath, rawQuery, all, body, canonicalRequest, stringToSign, signature);
    }

    private static String normalised(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..")) {
                segments.subList(Math.max(0, segments.size() - 1), segments.size())
                        .clear();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        boolean slash = rawPath.endsWith("/") && !segments.isEmpty();
        return "/" + String.join("/", segments) + (slash ? "/" : "");
    }

    private static String rawCanonicalQuery(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                pairs.add(escape(unescape(equals < 0 ? pair : pair.substring(0, equals))) + "="
                        + escape(unescape(equals < 0 ? "" : pair.substring(equals + 1))));
            }
        }
        pairs.sort((a, b) -> {
            String nameA = a.substring(0, a.indexOf('='));
            String nameB = b.substring(0, b.indexOf('='));
            return nameA.equals(nameB) ? a.compareTo(b) : nameA.compareTo(nameB);
        });
        return String.join("&", pairs);
    }

    private static byte[] unescape(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        var out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i++) {
            boolean escape = raw[i] == '%'
                    && i + 2 < raw.length
                    && HexFormat.isHexDigit(raw[i + 1])
                    && HexFormat.isHexDigit(raw[i + 2]);
            out.write(escape ? HexFormat.fromHexDigits(new String(raw, i + 1, 2, StandardCharsets.US_ASCII)) : raw[i]);
            i += escape ? 2 : 0;
        }
        return out.toByteArray();
    }

    private static String escape(byte[] bytes) {
        var out = new StringBuilder();
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "-_.~".indexOf(c) >= 0;
            out.append(
                    unreserved
                            ? String.valueOf(c)
                            : "%" + HexFormat.of().withUpperCase().toHexDigits(b));
        }
        return out.toString();
    }

    /** The query as a client puts it on the wire: each name and value percent-encoded, in the given order. */
    static String rawQuery(List<Param> params) {
        if (params.isEmpty()) {
            return null;
        }
        List<String> pairs = new ArrayList<>();
        params.forEach(p -> pairs.add(encode(p.name()) + "=" + encode(p.value())));
        return String.join("&", pairs);
    }

    private static String canonicalUri(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            segments.add(encode(segment));
        }
        String uri = String.join("/", segments);
        return uri.isEmpty() ? "/" : uri;
    }

    private static String canonicalQuery(List<Param> params) {
        List<String> pairs = new ArrayList<>();
        params.forEach(p -> pairs.add(encode(p.name()) + "=" + encode(p.value())));
        pairs.sort((a, b) -> {
            String nameA = a.substring(0, a.indexOf('='));
            String nameB = b.substring(0, b.indexOf('='));
            return nameA.equals(nameB) ? a.compareTo(b) : nameA.compareTo(nameB);
        });
        return String.join("&", pairs);
    }

    /** The encoding of AWS's Java examples: form-encode, then undo the form-specific differences from RFC 3986. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
