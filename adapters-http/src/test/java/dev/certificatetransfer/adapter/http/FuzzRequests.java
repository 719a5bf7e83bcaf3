package dev.certificatetransfer.adapter.http;

import static dev.certificatetransfer.testing.UnicodeStrings.weighted;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.UnicodeStrings;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Random requests for the fuzz test: methods, paths near the real routes, percent-encodings (valid, double,
 * malformed, non-UTF-8), query strings, headers and bodies (invalid JSON, wrong types, deep nesting, huge
 * numbers, non-UTF-8 bytes), with enough valid parts that many requests reach the service.
 */
final class FuzzRequests {

    /** One generated request; {@code headers} as name/value pairs in order. */
    @SuppressWarnings("ArrayRecordComponent") // a test's value, never compared
    record Fuzzed(String method, String path, String query, List<Map.Entry<String, String>> headers, byte[] body) {

        Fuzzed {
            body = body == null ? new byte[0] : body;
        }

        HttpRequest toHttpRequest() {
            var map = new LinkedHashMap<String, List<String>>();
            headers.forEach(
                    h -> map.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
            return new HttpRequest(method, path, query, map, body);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " " + headers + " body="
                    + new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final List<String> PREFIXES = List.of(
            "/transfer-certificate/",
            "/accept-certificate-transfer/",
            "/reject-certificate-transfer/",
            "/cancel-certificate-transfer/",
            "/certificates/",
            "/certificate/",
            "/things/",
            "/policies/",
            "/target-policies/",
            "/attached-policies/",
            "/policy-targets/",
            "/principals/");
    private static final List<String> WHOLE_PATHS = List.of(
            "/certificates",
            "/certificates-out-going",
            "/certificate/register-no-ca",
            "/keys-and-certificate",
            "/principals/things",
            "/things/sensor-1/principals",
            "/things//principals",
            "/attached-policies/arn%3Aaws%3Aiot%3Aus-east-1%3A111111111111%3Acert%2F",
            "/",
            "",
            "//",
            "/certificates/",
            "*",
            "/certificates//x",
            "/CERTIFICATES",
            "/certificates%2Dout-going",
            "/certificate/register-no-ca/",
            "/../certificates");
    private static final List<String> QUERY_NAMES = List.of(
            "targetAwsAccount",
            "setAsActive",
            "newStatus",
            "forceDelete",
            "pageSize",
            "marker",
            "isAscendingOrder",
            "expectedVersion",
            "recursive",
            "maxResults",
            "nextToken",
            "x-id",
            "TargetAwsAccount");

    private FuzzRequests() {}

    /** Two in three requests random in every part, one in three shaped like a real operation's request. */
    static Gen<Fuzzed> requests(Gen<List<Map.Entry<String, String>>> authentication) {
        return weighted(List.of(
                Pair.of(2, methods().zip(paths(), queries(), headers(authentication), bodies(), Fuzzed::new)),
                Pair.of(1, operationShaped(authentication))));
    }

    /** A request with an operation's method and path, a fixture certificate id, and plausible query and body. */
    static Gen<Fuzzed> operationShaped(Gen<List<Map.Entry<String, String>>> authentication) {
        Gen<String> ids = Generate.range(0, TestCertificates.COUNT - 1)
                .map(i -> TestCertificates.id(i).value());
        return Generate.pick(List.of(Operation.values()))
                .zip(
                        ids,
                        Generate.range(0, 5),
                        authentication,
                        (operation, id, variant, auth) -> new Fuzzed(
                                operation.method(),
                                operation.path(plausibleLabel(operation, id, variant)),
                                plausibleQuery(operation, variant),
                                withPrincipal(auth, id, variant),
                                plausibleBody(operation, id, variant)));
    }

    /** A certificate's ARN under Alice's account, as the SDKs send it in a path: {@code :} and {@code /} encoded. */
    private static String encodedArn(String id) {
        return arn(id).replace(":", "%3A").replace("/", "%2F");
    }

    private static String arn(String id) {
        return "arn:aws:iot:us-east-1:" + Accounts.ALICE.value() + ":cert/" + id;
    }

    /** The thing or policy FuzzTest seeds, or else a certificate id, which is also a valid name. */
    private static String plausibleLabel(Operation operation, String id, int variant) {
        return switch (operation) {
            case CREATE_THING,
                    DESCRIBE_THING,
                    DELETE_THING,
                    ATTACH_THING_PRINCIPAL,
                    DETACH_THING_PRINCIPAL,
                    LIST_THING_PRINCIPALS -> variant % 2 == 0 ? "sensor-1" : id;
            case CREATE_POLICY, GET_POLICY, DELETE_POLICY, ATTACH_POLICY, DETACH_POLICY, LIST_TARGETS_FOR_POLICY ->
                variant % 2 == 0 ? "policy-1" : id;
            case LIST_ATTACHED_POLICIES -> variant % 3 == 0 ? id : encodedArn(id);
            default -> id;
        };
    }

    /** The authentication headers, and most of the time an {@code x-amzn-principal} naming the certificate. */
    private static List<Map.Entry<String, String>> withPrincipal(
            List<Map.Entry<String, String>> auth, String id, int variant) {
        if (variant == 5) {
            return auth;
        }
        var all = new ArrayList<>(auth);
        all.add(Map.entry("x-amzn-principal", variant == 4 ? id : arn(id)));
        return all;
    }

    private static String plausibleQuery(Operation operation, int variant) {
        var accounts = List.of(Accounts.ALICE.value(), Accounts.BOB.value(), Accounts.CAROL.value());
        var statuses = List.of("ACTIVE", "INACTIVE", "REVOKED", "REGISTER_INACTIVE", "PENDING_TRANSFER", "x");
        return switch (operation) {
            case TRANSFER_CERTIFICATE -> "targetAwsAccount=" + accounts.get(variant % 3);
            case ACCEPT_CERTIFICATE_TRANSFER -> variant % 3 == 0 ? null : "setAsActive=" + (variant % 2 == 0);
            case UPDATE_CERTIFICATE -> "newStatus=" + statuses.get(variant);
            case DELETE_CERTIFICATE -> variant % 2 == 0 ? null : "forceDelete=true";
            case LIST_CERTIFICATES, LIST_OUTGOING_CERTIFICATES ->
                variant % 2 == 0 ? null : "pageSize=" + variant + "&isAscendingOrder=" + (variant > 2);
            case CREATE_KEYS_AND_CERTIFICATE, CREATE_CERTIFICATE_FROM_CSR ->
                variant % 2 == 0 ? null : "setAsActive=true";
            case DELETE_THING -> variant % 2 == 0 ? null : "expectedVersion=" + (variant - 2);
            case LIST_ATTACHED_POLICIES, LIST_TARGETS_FOR_POLICY ->
                variant % 2 == 0 ? null : "pageSize=" + variant + "&recursive=" + (variant > 2);
            case LIST_PRINCIPAL_THINGS, LIST_THING_PRINCIPALS ->
                variant % 2 == 0 ? null : "maxResults=" + variant + (variant > 2 ? "&nextToken=bjE6YQ%3D%3D" : "");
            default -> null;
        };
    }

    private static byte[] plausibleBody(Operation operation, String id, int variant) {
        var text = switch (operation) {
            case CREATE_THING ->
                variant % 2 == 0 ? "" : "{\"attributePayload\":{\"attributes\":{\"serial\":\"" + variant + "\"}}}";
            case CREATE_POLICY -> "{\"policyDocument\":\"{\\\"Version\\\":\\\"" + variant + "\\\"}\"}";
            case ATTACH_POLICY, DETACH_POLICY -> "{\"target\":\"" + (variant == 4 ? id : arn(id)) + "\"}";
            case CREATE_CERTIFICATE_FROM_CSR -> "{\"certificateSigningRequest\":\"not a request\"}";
            case TRANSFER_CERTIFICATE -> variant % 2 == 0 ? "{}" : "{\"transferMessage\":\"m" + variant + "\"}";
            case REJECT_CERTIFICATE_TRANSFER -> variant % 2 == 0 ? "" : "{\"rejectReason\":\"r\"}";
            case REGISTER_CERTIFICATE_WITHOUT_CA ->
                "{\"certificatePem\":\"" + TestCertificates.pem(variant).replace("\n", "\\n") + "\""
                        + (variant % 2 == 0 ? "" : ",\"status\":\"ACTIVE\"") + "}";
            default -> variant % 3 == 0 ? "{}" : "";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Gen<String> methods() {
        return weighted(List.of(
                Pair.of(6, Generate.pick(List.of("GET", "PUT", "POST", "PATCH", "DELETE"))),
                Pair.of(1, Generate.pick(List.of("HEAD", "OPTIONS", "TRACE", "get", "Patch", "FOO", "M-SEARCH")))));
    }

    static Gen<String> paths() {
        return weighted(List.of(
                Pair.of(5, Generate.pick(PREFIXES).zip(labels(), (prefix, label) -> prefix + label)),
                Pair.of(2, Generate.pick(WHOLE_PATHS)),
                Pair.of(1, Generate.pick(PREFIXES).zip(labels(), labels(), (p, a, b) -> p + a + "/" + b)),
                Pair.of(1, percentEncoded(UnicodeStrings.strings()).map(s -> "/" + s))));
    }

    /** Certificate ids of the fixture (as is, upper case, percent-encoded), look-alikes and random text. */
    static Gen<String> labels() {
        Gen<String> ids = Generate.range(0, TestCertificates.COUNT - 1)
                .map(i -> TestCertificates.id(i).value());
        return weighted(List.of(
                Pair.of(4, ids),
                Pair.of(1, ids.map(s -> s.toUpperCase(java.util.Locale.ROOT))),
                Pair.of(2, percentEncoded(ids)),
                Pair.of(2, UnicodeStrings.almost(ids)),
                Pair.of(1, percentEncoded(UnicodeStrings.strings())),
                Pair.of(
                        1,
                        Generate.pick(List.of(
                                "%",
                                "%2",
                                "%zz",
                                "%2F",
                                "%252F",
                                "%ff",
                                "%C3",
                                "%C0%AF",
                                "%00",
                                "register-no-ca",
                                "0x" + "a".repeat(62))))));
    }

    static Gen<String> queries() {
        Gen<String> pair = Generate.pick(QUERY_NAMES).zip(queryValues(), (name, value) -> name + "=" + value);
        Gen<String> many = Generate.range(1, 4)
                .flatMap(n -> in -> String.join(
                        "&",
                        IntStream.range(0, n).mapToObj(i -> pair.generate(in)).toList()));
        return weighted(List.of(
                Pair.of(2, Generate.constant((String) null)),
                Pair.of(6, many),
                Pair.of(1, percentEncoded(UnicodeStrings.strings())),
                Pair.of(1, Generate.pick(List.of("", "&", "=", "&&=&", "pageSize", "marker=%", "a=%zz")))));
    }

    static Gen<String> queryValues() {
        return weighted(List.of(
                Pair.of(
                        3,
                        Generate.pick(List.of(
                                "true",
                                "false",
                                "TRUE",
                                "1",
                                "",
                                Accounts.ALICE.value(),
                                Accounts.BOB.value(),
                                Accounts.CAROL.value(),
                                "ACTIVE",
                                "INACTIVE",
                                "REVOKED",
                                "PENDING_TRANSFER",
                                "1",
                                "25",
                                "250",
                                "251",
                                "0",
                                "-1",
                                "99999999999999999999",
                                "MTox%3D",
                                "bm90IGEgbWFya2Vy",
                                "a+b",
                                "%2B%2F%3D"))),
                Pair.of(2, percentEncoded(UnicodeStrings.strings()))));
    }

    static Gen<List<Map.Entry<String, String>>> headers(Gen<List<Map.Entry<String, String>>> authentication) {
        Gen<Map.Entry<String, String>> noise = Generate.pick(List.of(
                        "content-type",
                        "x-amz-date",
                        "accept",
                        "x-amz-content-sha256",
                        "x-amzn-principal",
                        "transfer-encoding",
                        "content-length",
                        "x-weird"))
                .zip(UnicodeStrings.strings(), Map::entry);
        return authentication.zip(Generate.range(0, 2), noise, noise, (auth, n, a, b) -> {
            var all = new ArrayList<>(auth);
            all.addAll(List.of(a, b).subList(0, n));
            return all;
        });
    }

    static Gen<byte[]> bodies() {
        Gen<String> texts = weighted(List.of(
                Pair.of(
                        2,
                        Generate.pick(List.of(
                                "",
                                "{}",
                                " ",
                                "null",
                                "[]",
                                "{",
                                "}",
                                "\"x\"",
                                "{} {}",
                                "{\"a\":1,\"a\":2}",
                                "{\"transferMessage\":\"hi\"}",
                                "{\"rejectReason\":\"no\"}",
                                "{\"transferMessage\":5}",
                                "{\"rejectReason\":[]}",
                                "{\"certificatePem\":true}",
                                "{\"status\":\"ACTIVE\"}",
                                "{\"attributePayload\":{\"attributes\":{\"a\":1}}}",
                                "{\"attributePayload\":{\"attributes\":{\"a b\":\"c\"}}}",
                                "{\"attributePayload\":[]}",
                                "{\"thingTypeName\":\"t\"}",
                                "{\"policyDocument\":\"{}\"}",
                                "{\"policyDocument\":\"[]\"}",
                                "{\"policyDocument\":{}}",
                                "{\"target\":\"arn:aws:iot:us-east-1:111111111111:cert/x\"}",
                                "{\"target\":7}",
                                "{\"certificateSigningRequest\":\"\"}",
                                "{\"transferMessage\":" + "9".repeat(2000) + "}",
                                "{\"n\":1e999999999}",
                                "{\"n\":-0.0000000000000000000000000001e-99999}",
                                "{\"transferMessage\":\"\\ud800\"}",
                                "{\"transferMessage\":\"" + "x".repeat(129) + "\"}"))),
                Pair.of(1, Generate.range(1, 5000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                Pair.of(1, Generate.range(1, 5000).map(depth -> "[".repeat(depth))),
                Pair.of(
                        1,
                        Generate.range(0, TestCertificates.COUNT - 1)
                                .map(i -> "{\"certificatePem\":\""
                                        + TestCertificates.pem(i).replace("\n", "\\n") + "\"}")),
                Pair.of(
                        2,
                        UnicodeStrings.strings()
                                .map(s -> "{\"transferMessage\":\""
                                        + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")),
                Pair.of(1, UnicodeStrings.strings())));
        Gen<byte[]> raw = Generate.range(0, 64)
                .flatMap(n -> Generate.range(0, 255)
                        .map(i -> i.byteValue())
                        .map(b -> new byte[] {b})
                        .zip(Generate.constant(n), (b, count) -> {
                            var bytes = new byte[count];
                            java.util.Arrays.fill(bytes, b[0]);
                            return bytes;
                        }));
        return weighted(List.of(
                Pair.of(2, Generate.constant((byte[]) null)),
                Pair.of(8, texts.map(t -> t.getBytes(StandardCharsets.UTF_8))),
                Pair.of(1, raw),
                Pair.of(1, texts.map(t -> t.getBytes(StandardCharsets.UTF_16)))));
    }

    /** Text with some characters percent-encoded as UTF-8 bytes (either case), some double-encoded. */
    static Gen<String> percentEncoded(Gen<String> text) {
        Gen<Integer> choices = Generate.range(0, 9);
        return in -> {
            var out = new StringBuilder();
            text.generate(in).codePoints().forEach(cp -> {
                int choice = choices.generate(in);
                var c = new String(Character.toChars(cp));
                if (choice < 5
                        && cp > 0x20
                        && cp < 0x7f
                        && cp != '%'
                        && cp != '/'
                        && cp != '?'
                        && cp != '#'
                        && cp != '&') {
                    out.append(c);
                } else {
                    for (byte b : c.getBytes(StandardCharsets.UTF_8)) {
                        var hex = HexFormat.of().toHexDigits(b);
                        out.append(choice == 9 ? "%25" : "%")
                                .append(choice % 2 == 0 ? hex : hex.toUpperCase(java.util.Locale.ROOT));
                    }
                }
            });
            return out.toString();
        };
    }
}
