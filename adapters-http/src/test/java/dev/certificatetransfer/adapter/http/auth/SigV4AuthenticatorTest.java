package dev.certificatetransfer.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal.Code;
import dev.certificatetransfer.adapter.http.auth.ReferenceSigner.Header;
import dev.certificatetransfer.adapter.http.auth.ReferenceSigner.Param;
import dev.certificatetransfer.adapter.http.auth.ReferenceSigner.Signed;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Signature Version 4 verification of requests signed by the independent reference signer, and every refusal. */
class SigV4AuthenticatorTest {

    static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
    static final Instant NOW = Instant.parse("2026-11-27T09:12:22Z");
    static final Principal ALICE = Principal.root(new AccountId("111122223333"));
    static final String ID = "488b0cbd1bd4e0ef8e2d7a9ed3ec1d0b4a1c3d1e21d4c4fa6f1bd8e37a9b8142";
    static final String HOST = "127.0.0.1:18765";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final InMemoryCredentialsStore store =
            new InMemoryCredentialsStore().add(new AccessKey(KEY_ID, Secret.of(SECRET), ALICE));
    private final SigV4Authenticator verifier = verifierAt(NOW);
    private final ReferenceSigner iot = new ReferenceSigner(KEY_ID, SECRET, "us-east-1", "iot");

    private SigV4Authenticator verifierAt(Instant now) {
        return new SigV4Authenticator(store, Region.US_EAST_1, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<Header> host(Header... more) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Host", HOST)));
        headers.addAll(List.of(more));
        return headers;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Signed cancel() {
        return iot.sign("PATCH", "/cancel-certificate-transfer/" + ID, List.of(), host(), new byte[0], NOW);
    }

    /** The signed request with one header's values replaced (or removed, for an empty list). */
    private static HttpRequest withHeader(HttpRequest request, String name, List<String> values) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        if (values.isEmpty()) {
            headers.remove(name);
        } else {
            headers.put(name, values);
        }
        return new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private static HttpRequest withAuthorization(HttpRequest request, UnaryOperator<String> change) {
        return withHeader(
                request,
                "authorization",
                List.of(change.apply(request.header("authorization").get(0))));
    }

    private Either<AuthenticationRefusal, Principal> verify(HttpRequest request) {
        return verifier.authenticate(request);
    }

    @Nested
    class Accepts_what_the_reference_signs {

        @ParameterizedTest
        @ValueSource(strings = {"GET", "PATCH", "PUT", "DELETE", "POST"})
        void every_method_without_a_body(String method) {
            var signed = iot.sign(method, "/certificates/" + ID, List.of(), host(), new byte[0], NOW);
            assertThat(verify(signed.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"PATCH", "PUT", "POST", "DELETE"})
        void every_method_with_a_json_body(String method) {
            var signed = iot.sign(
                    method,
                    "/transfer-certificate/" + ID,
                    List.of(new Param("targetAwsAccount", "444455556666")),
                    host(new Header("Content-Type", "application/json")),
                    utf8("{\"transferMessage\": \"hello world \\u00e9\"}"),
                    NOW);
            assertThat(verify(signed.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void a_query_whose_names_and_values_need_encoding() {
            var signed = iot.sign(
                    "GET",
                    "/certificates",
                    List.of(
                            new Param("marker", "ab+/cd=="),
                            new Param("pageSize", "2"),
                            new Param("a b*~", "é ü/?&="),
                            new Param("empty", "")),
                    host(),
                    new byte[0],
                    NOW);
            assertThat(signed.rawQuery()).contains("marker=ab%2B%2Fcd%3D%3D");
            assertThat(verify(signed.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void a_query_escaped_differently_on_the_wire_than_in_the_canonical_form() {
            var signed = iot.sign(
                    "GET",
                    "/certificates",
                    List.of(new Param("isAscendingOrder", "true"), new Param("marker", "A~b")),
                    host(),
                    new byte[0],
                    NOW);
            var request = signed.toHttpRequest();
            var lowerCaseAndNeedless = new HttpRequest(
                    "GET", "/certificates", "marker=%41%7eb&isAscendingOrder=true", request.headers(), request.body());
            assertThat(verify(lowerCaseAndNeedless).get()).isEqualTo(ALICE);
        }

        @Test
        void a_parameter_without_an_equals_sign_has_an_empty_value() {
            var signed = iot.sign("GET", "/certificates", List.of(new Param("flag", "")), host(), new byte[0], NOW);
            var request = signed.toHttpRequest();
            var bare = new HttpRequest("GET", "/certificates", "flag", request.headers(), request.body());
            assertThat(verify(bare).get()).isEqualTo(ALICE);
        }

        @Test
        void repeated_headers_and_values_with_runs_of_spaces() {
            var signed = iot.sign(
                    "GET",
                    "/certificates/" + ID,
                    List.of(),
                    host(
                            new Header("X-Custom", "  one   two "),
                            new Header("X-Custom", "three\t  four"),
                            new Header("X-Other", "a  b")),
                    new byte[0],
                    NOW);
            assertThat(verify(signed.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void a_declared_payload_hash_is_accepted_when_it_is_the_body_s() {
            byte[] body = utf8("{\"rejectReason\":\"nope\"}");
            var declared = iot.sign(
                    "PATCH",
                    "/reject-certificate-transfer/" + ID,
                    List.of(),
                    host(new Header("x-amz-content-sha256", ReferenceSigner.hex(ReferenceSigner.sha256(body)))),
                    body,
                    NOW);
            assertThat(verify(declared.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void an_unsigned_payload_is_refused_even_when_correctly_signed_so_no_body_can_be_swapped() {
            var unsigned = iot.sign(
                            "PATCH",
                            "/reject-certificate-transfer/" + ID,
                            List.of(),
                            host(new Header("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD")),
                            utf8("{}"),
                            NOW)
                    .toHttpRequest();
            var otherBody = new HttpRequest("PATCH", unsigned.rawPath(), null, unsigned.headers(), utf8("{\"x\":1}"));

            for (var request : List.of(unsigned, otherBody)) {
                var refusal = verify(request).getLeft();
                assertThat(refusal.code()).isEqualTo(Code.INVALID_SIGNATURE);
                assertThat(refusal.message()).contains("UNSIGNED-PAYLOAD");
            }
        }

        @Test
        void a_path_with_an_escaped_character_signed_with_its_escape_encoded_again() {
            var signed = iot.sign("GET", "/certificates/abc%20def%2Fghi", List.of(), host(), new byte[0], NOW);
            assertThat(signed.canonicalRequest()).contains("\n/certificates/abc%2520def%252Fghi\n");
            assertThat(verify(signed.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void the_date_header_when_there_is_no_x_amz_date() {
            var signed = iot.sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                    .toHttpRequest();
            String authorization = signed.header("authorization").get(0).replace("x-amz-date", "date");
            Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
            headers.remove("x-amz-date");
            headers.put("date", List.of("20261127T091222Z"));
            headers.put("authorization", List.of(authorization));
            var request = new HttpRequest("GET", "/certificates", null, headers, null);
            // The signature was computed over "x-amz-date:…": with the header renamed it no longer matches.
            assertThat(verify(request).getLeft().message()).isEqualTo(MISMATCH);
            var resigned = new ReferenceSignerWithDateHeader().sign();
            assertThat(verify(resigned).get()).isEqualTo(ALICE);
        }

        @Test
        void any_query_header_value_and_body_the_reference_signs() {
            qt().withExamples(200)
                    .forAll(
                            strings().allPossible().ofLengthBetween(0, 12),
                            strings().allPossible().ofLengthBetween(0, 12),
                            strings().basicLatinAlphabet().ofLengthBetween(0, 20),
                            arbitrary().pick("GET", "PATCH", "PUT", "DELETE", "POST"))
                    .checkAssert((query, header, body, method) -> {
                        var signed = iot.sign(
                                method,
                                "/certificates/" + ID,
                                List.of(new Param("q", query), new Param(query, "v")),
                                host(new Header("X-Value", header)),
                                utf8(body),
                                NOW);
                        assertThat(verify(signed.toHttpRequest()).isRight()).isTrue();
                    });
        }

        @Test
        void and_refuses_any_single_changed_body_byte() {
            byte[] body = utf8("{\"transferMessage\":\"hi\"}");
            var signed = iot.sign("PATCH", "/transfer-certificate/" + ID, List.of(), host(), body, NOW)
                    .toHttpRequest();
            qt().withExamples(50)
                    .forAll(integers().between(0, body.length - 1), integers().between(1, 255))
                    .checkAssert((index, delta) -> {
                        byte[] changed = body.clone();
                        changed[index] = (byte) (changed[index] + delta);
                        var tampered = new HttpRequest("PATCH", signed.rawPath(), null, signed.headers(), changed);
                        assertThat(verify(tampered).getLeft().message()).isEqualTo(MISMATCH);
                    });
        }
    }

    /** Signs with a {@code date} header by hand (the reference signer always uses x-amz-date). */
    private static final class ReferenceSignerWithDateHeader {

        HttpRequest sign() {
            String canonical = "GET\n/certificates\n\ndate:20261127T091222Z\nhost:" + HOST + "\n\ndate;host\n"
                    + ReferenceSigner.hex(ReferenceSigner.sha256(new byte[0]));
            String scope = "20261127/us-east-1/iot/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n20261127T091222Z\n" + scope + "\n"
                    + ReferenceSigner.hex(ReferenceSigner.sha256(utf8(canonical)));
            byte[] key = utf8("AWS4" + SECRET);
            for (String part : List.of("20261127", "us-east-1", "iot", "aws4_request")) {
                key = ReferenceSigner.hmac(key, part);
            }
            String authorization = "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/" + scope
                    + ", SignedHeaders=date;host, Signature=" + ReferenceSigner.hex(ReferenceSigner.hmac(key, toSign));
            return new HttpRequest(
                    "GET",
                    "/certificates",
                    null,
                    Map.of(
                            "Host",
                            List.of(HOST),
                            "Date",
                            List.of("20261127T091222Z"),
                            "Authorization",
                            List.of(authorization)),
                    null);
        }
    }

    @Nested
    class Refuses_a_missing_or_malformed_authorization_with_MissingAuthenticationToken {

        private void assertMissing(HttpRequest request, String message) {
            assertThat(verify(request).getLeft())
                    .isEqualTo(new AuthenticationRefusal(Code.MISSING_AUTHENTICATION_TOKEN, message));
        }

        @Test
        void no_authorization_header() {
            assertMissing(
                    withHeader(cancel().toHttpRequest(), "authorization", List.of()), "Missing Authentication Token");
        }

        @Test
        void a_blank_or_repeated_authorization_header() {
            var request = cancel().toHttpRequest();
            String authorization = request.header("authorization").get(0);
            assertMissing(withHeader(request, "authorization", List.of("  ")), "Missing Authentication Token");
            assertMissing(
                    withHeader(request, "authorization", List.of(authorization, authorization)),
                    "Only one Authorization header is allowed.");
        }

        @Test
        void another_scheme_without_echoing_its_token() {
            var request = withHeader(cancel().toHttpRequest(), "authorization", List.of("Bearer s3cr3t-t0ken"));
            assertMissing(
                    request, "Unsupported Authorization header: only the AWS4-HMAC-SHA256 algorithm is accepted.");
        }

        @Test
        void a_missing_credential_signature_or_signed_headers_parameter() {
            var request = cancel().toHttpRequest();
            assertMissing(
                    withAuthorization(request, a -> a.replace("Credential=", "Credentials=")),
                    "Authorization header requires 'Credential' parameter.");
            assertMissing(
                    withAuthorization(request, a -> a.substring(0, a.indexOf(", Signature="))),
                    "Authorization header requires 'Signature' parameter.");
            assertMissing(
                    withHeader(request, "authorization", List.of("AWS4-HMAC-SHA256 Credential=")),
                    "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' "
                            + "parameter. Authorization header requires 'SignedHeaders' parameter.");
        }

        @Test
        void a_part_that_is_not_a_key_value_pair() {
            assertMissing(
                    withAuthorization(cancel().toHttpRequest(), a -> a + ", garbage"),
                    "A part of the Authorization header is not a valid key=value pair (missing equal-sign).");
        }

        @Test
        void a_credential_without_five_elements() {
            String message =
                    "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term.";
            var request = cancel().toHttpRequest();
            assertMissing(withAuthorization(request, a -> a.replace("/aws4_request", "")), message);
            assertMissing(
                    withAuthorization(request, a -> a.replace("Credential=" + KEY_ID + "/", "Credential=")), message);
            assertMissing(withAuthorization(request, a -> a.replace("Credential=" + KEY_ID, "Credential=")), message);
        }

        @Test
        void no_date_or_an_unreadable_date() {
            var request = cancel().toHttpRequest();
            assertMissing(
                    withHeader(request, "x-amz-date", List.of()),
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
            assertMissing(
                    withHeader(request, "x-amz-date", List.of("2026-11-27T09:12:22Z")),
                    "The x-amz-date header must be one date in ISO 8601 basic format, such as 20150830T123600Z.");
            assertMissing(
                    withHeader(request, "x-amz-date", List.of("20261127T091222Z", "20261127T091222Z")),
                    "The x-amz-date header must be one date in ISO 8601 basic format, such as 20150830T123600Z.");
        }
    }

    @Nested
    class Refuses_an_unknown_access_key_with_UnrecognizedClient {

        @Test
        void a_key_the_store_does_not_know() {
            var stranger = new ReferenceSigner("AKIDUNKNOWN", SECRET, "us-east-1", "iot");
            var request = stranger.sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                    .toHttpRequest();
            assertThat(verify(request).getLeft())
                    .isEqualTo(new AuthenticationRefusal(
                            Code.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid."));
        }

        @Test
        void a_key_removed_from_the_store() {
            var request = cancel().toHttpRequest();
            assertThat(verify(request).isRight()).isTrue();
            store.removeAccessKey(KEY_ID);
            assertThat(verify(request).getLeft().code()).isEqualTo(Code.UNRECOGNIZED_CLIENT);
        }
    }

    @Nested
    class Refuses_a_wrong_signature_scope_or_date_with_InvalidSignature {

        private void assertInvalid(HttpRequest request, String message) {
            assertThat(verify(request).getLeft()).isEqualTo(new AuthenticationRefusal(Code.INVALID_SIGNATURE, message));
        }

        @Test
        void a_signature_made_with_another_secret() {
            var forger = new ReferenceSigner(KEY_ID, SECRET + "x", "us-east-1", "iot");
            assertInvalid(
                    forger.sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                            .toHttpRequest(),
                    MISMATCH);
        }

        @Test
        void a_changed_method_path_query_signed_header_or_body() {
            var signed = iot.sign(
                            "PUT",
                            "/certificates/" + ID,
                            List.of(new Param("newStatus", "ACTIVE")),
                            host(new Header("Content-Type", "application/json")),
                            utf8("{}"),
                            NOW)
                    .toHttpRequest();
            var h = signed.headers();
            assertInvalid(new HttpRequest("DELETE", signed.rawPath(), signed.rawQuery(), h, signed.body()), MISMATCH);
            assertInvalid(
                    new HttpRequest(
                            "PUT", "/certificates/" + ID.replace('4', '5'), signed.rawQuery(), h, signed.body()),
                    MISMATCH);
            assertInvalid(new HttpRequest("PUT", signed.rawPath(), "newStatus=REVOKED", h, signed.body()), MISMATCH);
            assertInvalid(new HttpRequest("PUT", signed.rawPath(), null, h, signed.body()), MISMATCH);
            assertInvalid(withHeader(signed, "content-type", List.of("text/plain")), MISMATCH);
            assertInvalid(new HttpRequest("PUT", signed.rawPath(), signed.rawQuery(), h, utf8("{ }")), MISMATCH);
        }

        @Test
        void a_body_that_is_not_the_one_whose_hash_was_declared_and_signed() {
            byte[] body = utf8("{\"transferMessage\":\"hi\"}");
            var signed = iot.sign(
                            "PATCH",
                            "/transfer-certificate/" + ID,
                            List.of(),
                            host(new Header("x-amz-content-sha256", ReferenceSigner.hex(ReferenceSigner.sha256(body)))),
                            body,
                            NOW)
                    .toHttpRequest();
            assertInvalid(
                    new HttpRequest(
                            "PATCH", signed.rawPath(), null, signed.headers(), utf8("{\"transferMessage\":\"yo\"}")),
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        @Test
        void a_payload_hash_that_is_neither_hex_sha256_nor_unsigned_payload() {
            var signed = iot.sign(
                    "PATCH",
                    "/cancel-certificate-transfer/" + ID,
                    List.of(),
                    host(new Header("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")),
                    new byte[0],
                    NOW);
            assertInvalid(
                    signed.toHttpRequest(), "The x-amz-content-sha256 header must be the hex SHA-256 of the payload.");
        }

        @Test
        void a_scope_for_another_region() {
            var elsewhere = new ReferenceSigner(KEY_ID, SECRET, "eu-west-1", "iot");
            assertInvalid(
                    elsewhere
                            .sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                            .toHttpRequest(),
                    "Credential should be scoped to a valid region, not 'eu-west-1'.");
        }

        @Test
        void a_scope_for_another_service_but_iot_and_execute_api_are_both_accepted() {
            var s3 = new ReferenceSigner(KEY_ID, SECRET, "us-east-1", "s3");
            var executeApi = new ReferenceSigner(KEY_ID, SECRET, "us-east-1", "execute-api");
            assertInvalid(
                    s3.sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                            .toHttpRequest(),
                    "Credential should be scoped to correct service: 'iot'.");
            assertThat(verify(executeApi
                                    .sign("GET", "/certificates", List.of(), host(), new byte[0], NOW)
                                    .toHttpRequest())
                            .get())
                    .isEqualTo(ALICE);
        }

        @Test
        void a_scope_that_does_not_end_in_aws4_request() {
            assertInvalid(
                    withAuthorization(cancel().toHttpRequest(), a -> a.replace("/aws4_request", "/aws5_request")),
                    "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
        }

        @Test
        void a_scope_dated_another_day_than_the_request() {
            assertInvalid(
                    withAuthorization(cancel().toHttpRequest(), a -> a.replace("/20261127/", "/20261126/")),
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                            + "'20261126' != '20261127', from '20261127T091222Z'.");
        }

        @Test
        void a_client_value_that_is_not_a_plain_token_is_not_echoed() {
            assertInvalid(
                    withAuthorization(cancel().toHttpRequest(), a -> a.replace("/us-east-1/", "/us east<1>/")),
                    "Credential should be scoped to a valid region, not '(not shown)'.");
        }

        @Test
        void host_or_the_date_not_signed_or_a_signed_header_not_sent() {
            var request = cancel().toHttpRequest();
            assertInvalid(
                    withAuthorization(request, a -> a.replace("SignedHeaders=host;", "SignedHeaders=")),
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
            assertInvalid(
                    withAuthorization(request, a -> a.replace(";x-amz-date", "")),
                    "'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
            assertInvalid(
                    withAuthorization(request, a -> a.replace("host;", "accept;host;")),
                    "'accept' is named as a SignedHeader, but it does not exist in the HTTP request.");
        }

        @Test
        void a_changed_x_amz_date() {
            var request = cancel().toHttpRequest();
            assertInvalid(withHeader(request, "x-amz-date", List.of("20261127T091223Z")), MISMATCH);
        }
    }

    @Nested
    class Allows_fifteen_minutes_of_clock_skew {

        private Either<AuthenticationRefusal, Principal> signedAgo(Duration ago) {
            var request = iot.sign("GET", "/certificates", List.of(), host(), new byte[0], NOW.minus(ago));
            return verifierAt(NOW).authenticate(request.toHttpRequest());
        }

        @Test
        void a_request_signed_up_to_fifteen_minutes_ago_or_ahead_is_accepted() {
            assertThat(signedAgo(Duration.ofSeconds(14 * 60 + 59)).isRight()).isTrue();
            assertThat(signedAgo(Duration.ofMinutes(15)).isRight()).isTrue();
            assertThat(signedAgo(Duration.ofSeconds(-(14 * 60 + 59))).isRight()).isTrue();
            assertThat(signedAgo(Duration.ofMinutes(-15)).isRight()).isTrue();
        }

        @Test
        void a_request_signed_more_than_fifteen_minutes_ago_has_expired() {
            assertThat(signedAgo(Duration.ofSeconds(15 * 60 + 1)).getLeft())
                    .isEqualTo(new AuthenticationRefusal(
                            Code.INVALID_SIGNATURE,
                            "Signature expired: 20261127T085721Z is now earlier than "
                                    + "20261127T085722Z (20261127T091222Z - 15 min.)"));
            assertThat(signedAgo(Duration.ofMinutes(20)).getLeft().message()).startsWith("Signature expired: ");
        }

        @Test
        void a_request_signed_more_than_fifteen_minutes_ahead_is_not_yet_current() {
            assertThat(signedAgo(Duration.ofSeconds(-(15 * 60 + 1))).getLeft())
                    .isEqualTo(new AuthenticationRefusal(
                            Code.INVALID_SIGNATURE,
                            "Signature not yet current: 20261127T092723Z is still later than "
                                    + "20261127T092722Z (20261127T091222Z + 15 min.)"));
        }
    }

    @Nested
    class Caches_signing_keys {

        @Test
        void the_same_request_verifies_the_same_way_from_the_cache() {
            var request = cancel().toHttpRequest();
            assertThat(verify(request).get()).isEqualTo(ALICE);
            assertThat(verify(request).get()).isEqualTo(ALICE);
            var forged = new ReferenceSigner(KEY_ID, "other", "us-east-1", "iot")
                    .sign("PATCH", "/cancel-certificate-transfer/" + ID, List.of(), host(), new byte[0], NOW);
            assertThat(verify(forged.toHttpRequest()).getLeft().message()).isEqualTo(MISMATCH);
        }

        @Test
        void a_rotated_secret_takes_effect_at_once() {
            var oldRequest = cancel().toHttpRequest();
            assertThat(verify(oldRequest).isRight()).isTrue();
            store.add(new AccessKey(KEY_ID, Secret.of("rotated-secret"), ALICE));
            var rotated = new ReferenceSigner(KEY_ID, "rotated-secret", "us-east-1", "iot")
                    .sign("PATCH", "/cancel-certificate-transfer/" + ID, List.of(), host(), new byte[0], NOW);
            assertThat(verify(oldRequest).getLeft().message()).isEqualTo(MISMATCH);
            assertThat(verify(rotated.toHttpRequest()).get()).isEqualTo(ALICE);
        }

        @Test
        void the_cache_is_bounded() {
            var keys = new SigningKeys(3);
            var key = new AccessKey(KEY_ID, Secret.of(SECRET), ALICE);
            for (int day = 10; day < 30; day++) {
                byte[] derived =
                        keys.signingKey(key, new CredentialScope("202611" + day, "us-east-1", "iot", "aws4_request"));
                assertThat(derived)
                        .isEqualTo(SigningKeys.derive(
                                key.secretAccessKey(),
                                new CredentialScope("202611" + day, "us-east-1", "iot", "aws4_request")));
                assertThat(keys.size()).isLessThanOrEqualTo(3);
            }
        }
    }

    @Nested
    class Never_reveals_a_secret {

        @Test
        void no_failure_for_a_known_key_mentions_its_secret_or_the_authorization_header() {
            var request = cancel().toHttpRequest();
            String authorization = request.header("authorization").get(0);
            String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
            List<HttpRequest> refused = List.of(
                    withHeader(request, "x-amz-date", List.of("20261127T091223Z")),
                    withAuthorization(request, a -> a.replace("us-east-1", "eu-west-1")),
                    withAuthorization(request, a -> a.replace("/iot/", "/" + SECRET.replace("/", "") + "/")),
                    withAuthorization(request, a -> a + ", " + SECRET),
                    withHeader(request, "authorization", List.of("Bearer " + SECRET)),
                    withHeader(request, "x-amz-date", List.of(SECRET)),
                    withAuthorization(request, a -> a.replace(KEY_ID + "/20261127/us-east-1", SECRET)));
            for (HttpRequest each : refused) {
                var failure = verify(each).getLeft();
                assertThat(failure.message())
                        .doesNotContain(SECRET)
                        .doesNotContain(SECRET.replace("/", ""))
                        .doesNotContain(signature);
                assertThat(failure.toString()).doesNotContain(SECRET);
            }
        }

        @Test
        void secrets_keys_and_requests_print_masked() {
            var key = new AccessKey(KEY_ID, Secret.of(SECRET), ALICE);
            var request = withHeader(cancel().toHttpRequest(), "authorization", List.of("Bearer " + SECRET));
            assertThat(Secret.of(SECRET)).hasToString("****");
            assertThat(key.toString()).doesNotContain(SECRET).contains(KEY_ID);
            assertThat(request.toString()).doesNotContain(SECRET).contains("authorization");
            assertThat(store.toString()).doesNotContain(SECRET);
        }
    }

    /** What the head alone decides, before the body is read (docs/behaviour.md#13-on-the-wire). */
    @Nested
    class Decides_from_the_head {

        private final byte[] body = utf8("{\"transferMessage\":\"hi\"}");

        private Signed transfer(Header... headers) {
            return iot.sign("PATCH", "/transfer-certificate/" + ID, List.of(), host(headers), body, NOW);
        }

        private HttpRequest headOf(Signed signed) {
            return signed.toHttpRequest().withBody(new byte[0]);
        }

        @Test
        void with_a_declared_payload_hash_the_signature_is_checked_from_the_head_and_the_body_against_the_hash() {
            var signed =
                    transfer(new Header("x-amz-content-sha256", ReferenceSigner.hex(ReferenceSigner.sha256(body))));

            var rest = verifier.authenticateHead(headOf(signed)).get();
            assertThat(rest.authenticate(signed.toHttpRequest()).get()).isEqualTo(ALICE);
            assertThat(rest.authenticate(signed.toHttpRequest().withBody(utf8("{}")))
                            .getLeft()
                            .message())
                    .isEqualTo("The provided 'x-amz-content-sha256' header does not match what was computed.");
            assertThat(verifier.authenticateHead(withAuthorization(headOf(signed), a -> a.replaceAll(".$", "x")))
                            .getLeft()
                            .message())
                    .isEqualTo(MISMATCH);
        }

        @Test
        void without_a_declared_payload_hash_the_signature_waits_for_the_body_it_covers() {
            var signed = transfer();

            var rest = verifier.authenticateHead(headOf(signed)).get();
            assertThat(rest.authenticate(signed.toHttpRequest()).get()).isEqualTo(ALICE);
            assertThat(rest.authenticate(signed.toHttpRequest().withBody(utf8("{}")))
                            .getLeft()
                            .message())
                    .isEqualTo(MISMATCH);
        }

        @Test
        void an_unknown_key_a_stale_date_and_a_missing_authorization_are_refused_from_the_head() {
            var signed = transfer();

            assertThat(verifierAt(NOW.plus(Duration.ofMinutes(16)))
                            .authenticateHead(headOf(signed))
                            .getLeft()
                            .message())
                    .startsWith("Signature expired");
            assertThat(verifier.authenticateHead(
                                    withAuthorization(headOf(signed), a -> a.replace(KEY_ID, "AKIDNOBODY")))
                            .getLeft()
                            .code())
                    .isEqualTo(Code.UNRECOGNIZED_CLIENT);
            assertThat(verifier.authenticateHead(withHeader(headOf(signed), "authorization", List.of()))
                            .getLeft()
                            .code())
                    .isEqualTo(Code.MISSING_AUTHENTICATION_TOKEN);
        }
    }
}
