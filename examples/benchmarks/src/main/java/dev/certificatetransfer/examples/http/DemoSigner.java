package dev.certificatetransfer.examples.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compact Signature Version 4 signer for the demo client, the benchmarks and the load script: requests with an
 * empty body, a path and a query that need no percent-encoding (certificate ids, account ids), signing {@code host}
 * and {@code x-amz-date} only. Not a general signer: a real client uses an AWS SDK.
 */
public final class DemoSigner {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_BODY_SHA256 = hex(sha256(new byte[0]));

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private final String host;

    /** Signs for {@code host} (as the client sends it, {@code 127.0.0.1:8080}) in {@code region}, service iot. */
    public DemoSigner(String accessKeyId, String secret, String region, String host) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
        this.host = host;
    }

    /**
     * The headers to add to a request ({@code x-amz-date} and {@code Authorization}; the client sends {@code Host}
     * itself). {@code query} is the one already sorted, encoded query string, or the empty string.
     */
    public Map<String, String> sign(String method, String path, String query, Instant at) {
        String amzDate = AMZ_DATE.format(at);
        String canonicalRequest = method + '\n' + path + '\n' + query + '\n'
                + "host:" + host + '\n' + "x-amz-date:" + amzDate + '\n' + '\n'
                + "host;x-amz-date" + '\n' + EMPTY_BODY_SHA256;
        String scope = amzDate.substring(0, 8) + '/' + region + "/iot/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n'
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), amzDate.substring(0, 8));
        for (String part : new String[] {region, "iot", "aws4_request"}) {
            key = hmac(key, part);
        }
        var headers = new LinkedHashMap<String, String>();
        headers.put("x-amz-date", amzDate);
        headers.put(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential=" + accessKeyId + '/' + scope
                        + ", SignedHeaders=host;x-amz-date, Signature=" + hex(hmac(key, stringToSign)));
        return headers;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
