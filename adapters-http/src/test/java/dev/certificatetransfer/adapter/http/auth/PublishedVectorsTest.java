package dev.certificatetransfer.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal.Code;
import dev.certificatetransfer.adapter.http.auth.ReferenceSigner.Header;
import dev.certificatetransfer.adapter.http.auth.ReferenceSigner.Param;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The signatures AWS publishes in its Signature Version 4 test suite (key AKIDEXAMPLE, 2015-08-30 12:36:00Z,
 * us-east-1, service "service"): the verifier accepts each request as the suite sends it, and the independent
 * reference signer reproduces the suite's signatures exactly.
 */
class PublishedVectorsTest {

    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant AT = Instant.parse("2015-08-30T12:36:00Z");
    static final Principal PRINCIPAL = Principal.root(new AccountId("111122223333"));
    static final String HOST = "example.amazonaws.com";

    private final SigV4Authenticator verifier = new SigV4Authenticator(
            new InMemoryCredentialsStore().add(new AccessKey(KEY_ID, Secret.of(SECRET), PRINCIPAL)),
            Region.US_EAST_1,
            Clock.fixed(AT, ZoneOffset.UTC),
            Set.of("service"));

    static Stream<Arguments> vectors() {
        return Stream.of(
                vector(
                        "get-vanilla",
                        "GET /",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector(
                        "get-vanilla-empty-query-key",
                        "GET /?Param1=value1",
                        "host;x-amz-date",
                        "a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
                vector(
                        "get-vanilla-query-order-key-case",
                        "GET /?Param2=value2&Param1=value1",
                        "host;x-amz-date",
                        "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
                vector(
                        "get-vanilla-query-order-key",
                        "GET /?Param1=value2&Param1=Value1",
                        "host;x-amz-date",
                        "eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"),
                vector(
                        "get-vanilla-query-order-value",
                        "GET /?Param1=value2&Param1=value1",
                        "host;x-amz-date",
                        "5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
                vector(
                        "get-vanilla-query-unreserved",
                        "GET /?" + UNRESERVED + "=" + UNRESERVED,
                        "host;x-amz-date",
                        "9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
                vector(
                        "get-unreserved",
                        "GET /" + UNRESERVED,
                        "host;x-amz-date",
                        "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
                vector(
                        "post-vanilla",
                        "POST /",
                        "host;x-amz-date",
                        "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
                vector(
                        "post-vanilla-query",
                        "POST /?Param1=value1",
                        "host;x-amz-date",
                        "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
                vector(
                        "get-header-value-trim",
                        "GET /",
                        "host;my-header1;my-header2;x-amz-date",
                        "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
                        "My-Header1",
                        " value1",
                        "My-Header2",
                        " \"a   b   c\""),
                vector(
                        "get-header-key-duplicate",
                        "GET /",
                        "host;my-header1;x-amz-date",
                        "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea",
                        "My-Header1",
                        "value2",
                        "My-Header1",
                        "value2",
                        "My-Header1",
                        "value1"),
                vector(
                        "get-header-value-order",
                        "GET /",
                        "host;my-header1;x-amz-date",
                        "08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01",
                        "My-Header1",
                        "value4",
                        "My-Header1",
                        "value1",
                        "My-Header1",
                        "value3",
                        "My-Header1",
                        "value2"),
                vector(
                        "post-header-value-case",
                        "POST /",
                        "host;my-header1;x-amz-date",
                        "cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
                        "My-Header1",
                        "VALUE1"),
                vector(
                        "normalize-path/get-slash",
                        "GET //",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector(
                        "normalize-path/get-slash-dot-slash",
                        "GET /./",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector(
                        "normalize-path/get-slash-pointless-dot",
                        "GET /./example",
                        "host;x-amz-date",
                        "ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5"),
                vector(
                        "normalize-path/get-relative",
                        "GET /example/..",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector(
                        "normalize-path/get-relative-relative",
                        "GET /example1/example2/../..",
                        "host;x-amz-date",
                        "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
                vector(
                        "normalize-path/get-slashes",
                        "GET //example//",
                        "host;x-amz-date",
                        "9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84"),
                // The suite writes this request line with a bare space; its canonical URI is /example%20space/.
                vector(
                        "normalize-path/get-space",
                        "GET /example space/",
                        "host;x-amz-date",
                        "652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"));
    }

    private static final String UNRESERVED = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void the_verifier_accepts_the_published_request(String name, HttpRequest request) {
        assertThat(verifier.authenticate(request).get()).isEqualTo(PRINCIPAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void the_verifier_refuses_the_published_request_with_one_signature_digit_changed(String name, HttpRequest request) {
        String authorization = request.header("authorization").get(0);
        char last = authorization.charAt(authorization.length() - 1);
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(
                "authorization",
                List.of(authorization.substring(0, authorization.length() - 1) + (last == '0' ? '1' : '0')));
        var tampered =
                new HttpRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
        assertThat(verifier.authenticate(tampered).getLeft().code()).isEqualTo(Code.INVALID_SIGNATURE);
    }

    @Nested
    class The_reference_signer {

        private final ReferenceSigner signer = new ReferenceSigner(KEY_ID, SECRET, "us-east-1", "service");

        @Test
        void reproduces_get_vanilla_with_its_canonical_request_and_string_to_sign() {
            var signed = signer.sign("GET", "/", List.of(), List.of(new Header("Host", HOST)), new byte[0], AT);
            assertThat(signed.canonicalRequest()).isEqualTo("""
                    GET
                    /

                    host:example.amazonaws.com
                    x-amz-date:20150830T123600Z

                    host;x-amz-date
                    e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
            assertThat(signed.stringToSign()).isEqualTo("""
                    AWS4-HMAC-SHA256
                    20150830T123600Z
                    20150830/us-east-1/service/aws4_request
                    bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63""");
            assertThat(signed.signature())
                    .isEqualTo("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
            assertThat(verifier.authenticate(signed.toHttpRequest()).get()).isEqualTo(PRINCIPAL);
        }

        @Test
        void reproduces_get_vanilla_query_order_key_case() {
            var signed = signer.sign(
                    "GET",
                    "/",
                    List.of(new Param("Param2", "value2"), new Param("Param1", "value1")),
                    List.of(new Header("Host", HOST)),
                    new byte[0],
                    AT);
            assertThat(signed.signature())
                    .isEqualTo("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500");
        }

        @Test
        void reproduces_get_header_value_trim() {
            var signed = signer.sign(
                    "GET",
                    "/",
                    List.of(),
                    List.of(
                            new Header("Host", HOST),
                            new Header("My-Header1", " value1"),
                            new Header("My-Header2", " \"a   b   c\"")),
                    new byte[0],
                    AT);
            assertThat(signed.signature())
                    .isEqualTo("acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736");
        }

        @Test
        void reproduces_get_header_key_duplicate() {
            var signed = signer.sign(
                    "GET",
                    "/",
                    List.of(),
                    List.of(
                            new Header("Host", HOST),
                            new Header("My-Header1", "value2"),
                            new Header("My-Header1", "value2"),
                            new Header("My-Header1", "value1")),
                    new byte[0],
                    AT);
            assertThat(signed.signature())
                    .isEqualTo("c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea");
        }

        @Test
        void reproduces_get_vanilla_query_unreserved_and_post_vanilla_query() {
            var unreserved = signer.sign(
                    "GET",
                    "/",
                    List.of(new Param(UNRESERVED, UNRESERVED)),
                    List.of(new Header("Host", HOST)),
                    new byte[0],
                    AT);
            var post = signer.sign(
                    "POST",
                    "/",
                    List.of(new Param("Param1", "value1")),
                    List.of(new Header("Host", HOST)),
                    new byte[0],
                    AT);
            assertThat(unreserved.signature())
                    .isEqualTo("9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197");
            assertThat(post.signature()).isEqualTo("28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11");
        }
    }

    /** A request of the suite: "METHOD target", the signed header names, the signature, extra header name/values. */
    private static Arguments vector(
            String name, String requestLine, String signedHeaders, String signature, String... extraHeaders) {
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(requestLine.indexOf(' ') + 1);
        int question = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of(HOST));
        for (int i = 0; i < extraHeaders.length; i += 2) {
            headers.computeIfAbsent(extraHeaders[i], n -> new ArrayList<>()).add(extraHeaders[i + 1]);
        }
        headers.put("X-Amz-Date", List.of("20150830T123600Z"));
        headers.put(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/"
                        + "aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        return Arguments.of(
                name,
                new HttpRequest(
                        method,
                        question < 0 ? target : target.substring(0, question),
                        question < 0 ? null : target.substring(question + 1),
                        headers,
                        new byte[0]));
    }
}
