package dev.certificatetransfer.examples.server;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every secret a test put into play, each with what it is: secret access keys and the Signature V4 signing keys
 * derived from them for each credential scope sent, every {@code Authorization} header sent and its signature,
 * bearer and session tokens, passwords. {@link #shownIn} finds the lines of a log that show one.
 */
final class SecretsInPlay {

    private static final Pattern SIGNATURE = Pattern.compile("(?:Signature|X-Amz-Signature)=([0-9a-fA-F]+)");
    private static final Pattern SCOPE =
            Pattern.compile("(?:Credential|X-Amz-Credential)=[^/&,\\s]+(?:/|%2F)(\\d{8})(?:/|%2F)([a-z0-9-]+)"
                    + "(?:/|%2F)([a-z0-9-]+)(?:/|%2F)aws4_request");

    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final Set<String> secretAccessKeys = new LinkedHashSet<>();
    private final Set<List<String>> scopes = new LinkedHashSet<>();

    /** Adds a secret, {@code what} it is; answers it. */
    synchronized String add(String what, String secret) {
        secrets.putIfAbsent(secret, what);
        return secret;
    }

    /** Adds a secret access key, whose signing keys are secrets too. */
    synchronized String secretAccessKey(String what, String secret) {
        secretAccessKeys.add(secret);
        return add(what, secret);
    }

    /**
     * Adds what a Signature V4 request carries in its {@code Authorization} header or its query: the whole text,
     * the signature, and the scope, whose signing keys are then derived from every secret access key.
     */
    synchronized void signed(String what, String authorization) {
        add(what, authorization);
        var signature = SIGNATURE.matcher(authorization);
        while (signature.find()) {
            add("the signature in " + what, signature.group(1));
        }
        var scope = SCOPE.matcher(authorization);
        while (scope.find()) {
            scopes.add(List.of(scope.group(1), scope.group(2), scope.group(3)));
        }
    }

    /** The lines of {@code log} that show a secret (ignoring case), each after what it shows. */
    synchronized List<String> shownIn(String log) {
        var all = new LinkedHashMap<>(secrets);
        for (String secret : secretAccessKeys) {
            for (List<String> scope : scopes) {
                signingKeys(secret, scope).forEach(all::putIfAbsent);
            }
        }
        var shown = new ArrayList<String>();
        for (String line : log.split("\n", -1)) {
            String lower = line.toLowerCase(Locale.ROOT);
            all.forEach((secret, what) -> {
                if (lower.contains(secret.toLowerCase(Locale.ROOT))) {
                    shown.add(what + ": " + line);
                }
            });
        }
        return shown;
    }

    /** How many secrets are in play, signing keys not counted. */
    synchronized int size() {
        return secrets.size();
    }

    /** The keys Signature V4 derives from a secret for a scope (date, region, service), in hex and Base64. */
    private static Map<String, String> signingKeys(String secret, List<String> scope) {
        var keys = new LinkedHashMap<String, String>();
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        var steps = new ArrayList<>(scope);
        steps.add("aws4_request");
        for (String step : steps) {
            key = hmac(key, step);
            keys.put(HexFormat.of().formatHex(key), "a signing key (" + step + " of " + scope + ")");
        }
        keys.put(Base64.getEncoder().encodeToString(key), "the signing key of " + scope + " in Base64");
        return keys;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
