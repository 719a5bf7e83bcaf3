package dev.certificatetransfer.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal.Code;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iot.IotClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The real AWS SDK for Java v2 signer ({@code AwsV4HttpSigner}, as {@code IotClient} uses it) signs IoT requests;
 * the verifier accepts them as a server would receive them, and refuses each tampered part with AWS's error.
 */
class AwsSdkSignerTest {

    static final String KEY_ID = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-11-27T09:12:22Z");
    static final Principal ALICE = Principal.root(new AccountId("111122223333"));
    static final String ID = "488b0cbd1bd4e0ef8e2d7a9ed3ec1d0b4a1c3d1e21d4c4fa6f1bd8e37a9b8142";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final InMemoryCredentialsStore store =
            new InMemoryCredentialsStore().add(new AccessKey(KEY_ID, Secret.of(SECRET), ALICE));
    private final SigV4Authenticator verifier =
            new SigV4Authenticator(store, Region.US_EAST_1, Clock.fixed(NOW, ZoneOffset.UTC));

    /** What the SDK's HTTP client would put on the wire for this signed request: request line, headers, body. */
    static HttpRequest asReceived(SdkHttpRequest request, byte[] body) {
        URI uri = request.getUri();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.forEachHeader((name, values) -> headers.put(name, new ArrayList<>(values)));
        if (request.firstMatchingHeader("Host").isEmpty()) {
            headers.put("Host", List.of(uri.getHost() + (request.port() == 80 ? "" : ":" + request.port())));
        }
        return new HttpRequest(request.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    static byte[] readAll(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpRequest sdkSigned(
            SdkHttpMethod method,
            String path,
            Map<String, String> query,
            String body,
            String region,
            String service,
            String keyId,
            Consumer<SdkHttpFullRequest.Builder> more) {
        var builder = SdkHttpFullRequest.builder()
                .method(method)
                .protocol("http")
                .host("127.0.0.1")
                .port(18765)
                .encodedPath(path)
                .putHeader("amz-sdk-invocation-id", "3f1d2c3b-0000-4000-8000-000000000001")
                .putHeader("amz-sdk-request", "attempt=1; max=4");
        query.forEach(builder::putRawQueryParameter);
        ContentStreamProvider payload = body == null ? null : ContentStreamProvider.fromUtf8String(body);
        if (body != null) {
            builder.putHeader("Content-Type", "application/json")
                    .putHeader("Content-Length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        }
        more.accept(builder);
        var signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(keyId, SECRET))
                        .request(builder.build())
                        .payload(payload)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        byte[] sent = signed.payload().map(AwsSdkSignerTest::readAll).orElse(new byte[0]);
        return asReceived(signed.request(), sent);
    }

    static HttpRequest sdkSigned(SdkHttpMethod method, String path, Map<String, String> query, String body) {
        return sdkSigned(method, path, query, body, "us-east-1", "iot", KEY_ID, b -> {});
    }

    static HttpRequest replace(HttpRequest r, String method, String path, String query, byte[] body) {
        return new HttpRequest(method, path, query, r.headers(), body);
    }

    static HttpRequest withHeader(HttpRequest r, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.put(name, List.of(value));
        return new HttpRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    private Either<AuthenticationRefusal, Principal> verify(HttpRequest request) {
        return verifier.authenticate(request);
    }

    @Nested
    class Accepts_the_sdk_signature_of {

        @Test
        void a_cancel_without_a_body() {
            var request = sdkSigned(SdkHttpMethod.PATCH, "/cancel-certificate-transfer/" + ID, Map.of(), null);
            assertThat(request.header("authorization").get(0))
                    .contains("/20261127/us-east-1/iot/aws4_request")
                    .contains(
                            "SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date");
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void a_list_with_paging_query_parameters() {
            var request = sdkSigned(
                    SdkHttpMethod.GET,
                    "/certificates",
                    Map.of("pageSize", "2", "isAscendingOrder", "true", "marker", "AAEC/+x=="),
                    null);
            assertThat(request.rawQuery()).contains("marker=AAEC%2F%2Bx%3D%3D");
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void an_update_with_a_required_query_parameter() {
            var request = sdkSigned(SdkHttpMethod.PUT, "/certificates/" + ID, Map.of("newStatus", "ACTIVE"), null);
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void a_transfer_with_a_json_body() {
            var request = sdkSigned(
                    SdkHttpMethod.PATCH,
                    "/transfer-certificate/" + ID,
                    Map.of("targetAwsAccount", "444455556666"),
                    "{\"transferMessage\":\"hello world é\"}");
            assertThat(request.header("authorization").get(0)).contains("content-length;content-type;host");
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void a_path_with_escaped_characters() {
            var request = sdkSigned(SdkHttpMethod.GET, "/certificates/a%20b%2Fc%25d", Map.of(), null);
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void repeated_headers_and_values_with_runs_of_whitespace() {
            var request = sdkSigned(
                    SdkHttpMethod.GET,
                    "/certificates-out-going",
                    Map.of(),
                    null,
                    "us-east-1",
                    "iot",
                    KEY_ID,
                    b -> b.putHeader("X-Custom", List.of(" \t one  \t two ", "three\f\u000b four\r\n ")));
            assertThat(request.header("x-custom")).hasSize(2);
            assertThat(verify(request).get()).isEqualTo(ALICE);
        }

        @Test
        void an_unsigned_payload_signed_by_the_sdk_is_refused_naming_it() {
            var request = sdkSigned(
                    SdkHttpMethod.PATCH,
                    "/reject-certificate-transfer/" + ID,
                    Map.of(),
                    "{\"rejectReason\":\"nope\"}",
                    "us-east-1",
                    "iot",
                    KEY_ID,
                    b -> {});
            var unsigned = AwsV4HttpSigner.create()
                    .sign(r -> r.identity(AwsCredentialsIdentity.create(KEY_ID, SECRET))
                            .request(SdkHttpFullRequest.builder()
                                    .method(SdkHttpMethod.PATCH)
                                    .protocol("https")
                                    .host("127.0.0.1")
                                    .port(18765)
                                    .encodedPath("/reject-certificate-transfer/" + ID)
                                    .build())
                            .payload(ContentStreamProvider.fromUtf8String("{\"rejectReason\":\"nope\"}"))
                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                            .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "iot")
                            .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                            .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
            var received = asReceived(unsigned.request(), request.body());
            assertThat(received.header("x-amz-content-sha256")).containsExactly("UNSIGNED-PAYLOAD");
            assertThat(verify(received).getLeft().code()).isEqualTo(Code.INVALID_SIGNATURE);
            assertThat(verify(received).getLeft().message()).contains("UNSIGNED-PAYLOAD");
        }

        @Test
        void every_request_of_the_real_iot_client_including_a_label_it_escapes() {
            var captured = new ArrayList<HttpRequest>();
            try (IotClient iot = IotClient.builder()
                    .httpClient(new CapturingHttpClient(captured))
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .endpointOverride(URI.create("http://127.0.0.1:18765"))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET)))
                    .build()) {
                iot.cancelCertificateTransfer(r -> r.certificateId(ID));
                iot.transferCertificate(r ->
                        r.certificateId(ID).targetAwsAccount("444455556666").transferMessage("hi"));
                iot.listCertificates(r -> r.pageSize(2).ascendingOrder(true).marker("AAEC/+x=="));
                iot.describeCertificate(r -> r.certificateId("a b/c%d"));
            }
            var systemClock = new SigV4Authenticator(store, Region.US_EAST_1, Clock.systemUTC());
            assertThat(captured)
                    .hasSize(4)
                    .allSatisfy(request ->
                            assertThat(systemClock.authenticate(request).get()).isEqualTo(ALICE));
            assertThat(captured.get(3).rawPath()).isEqualTo("/certificates/a%20b%2Fc%25d");
        }
    }

    @Nested
    class Refuses_a_tampered {

        private final HttpRequest signed =
                sdkSigned(SdkHttpMethod.PUT, "/certificates/" + ID, Map.of("newStatus", "ACTIVE"), "{}");

        private void assertRefused(HttpRequest request, String type, String message) {
            var refusal = verify(request).getLeft();
            assertThat(refusal.code().awsType()).isEqualTo(type);
            assertThat(refusal.message()).isEqualTo(message);
        }

        @Test
        void method_path_or_query() {
            String path = signed.rawPath();
            assertRefused(
                    replace(signed, "DELETE", path, signed.rawQuery(), signed.body()),
                    "InvalidSignatureException",
                    MISMATCH);
            assertRefused(
                    replace(signed, "PUT", path + "0", signed.rawQuery(), signed.body()),
                    "InvalidSignatureException",
                    MISMATCH);
            assertRefused(
                    replace(signed, "PUT", path, "newStatus=REVOKED", signed.body()),
                    "InvalidSignatureException",
                    MISMATCH);
        }

        @Test
        void signed_header() {
            assertRefused(
                    withHeader(signed, "amz-sdk-request", "attempt=2; max=4"), "InvalidSignatureException", MISMATCH);
            assertRefused(withHeader(signed, "content-type", "text/plain"), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void body_under_its_signed_hash() {
            assertRefused(
                    replace(signed, "PUT", signed.rawPath(), signed.rawQuery(), "{ }".getBytes(StandardCharsets.UTF_8)),
                    "InvalidSignatureException",
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }

        @Test
        void payload_hash_header() {
            assertRefused(
                    withHeader(signed, "x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                    "InvalidSignatureException",
                    "UNSIGNED-PAYLOAD is not accepted by this service: the signature must cover the body (send its hex"
                            + " SHA-256 in x-amz-content-sha256, or leave the header out).");
        }

        @Test
        void date() {
            assertRefused(withHeader(signed, "x-amz-date", "20261127T091223Z"), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void signature() {
            String authorization = signed.header("authorization").get(0);
            String flipped =
                    authorization.substring(0, authorization.length() - 1) + (authorization.endsWith("a") ? "b" : "a");
            assertRefused(withHeader(signed, "authorization", flipped), "InvalidSignatureException", MISMATCH);
        }

        @Test
        void region_service_or_key() {
            assertRefused(
                    sdkSigned(SdkHttpMethod.GET, "/certificates", Map.of(), null, "eu-west-1", "iot", KEY_ID, b -> {}),
                    "InvalidSignatureException",
                    "Credential should be scoped to a valid region, not 'eu-west-1'.");
            assertRefused(
                    sdkSigned(
                            SdkHttpMethod.GET,
                            "/certificates",
                            Map.of(),
                            null,
                            "us-east-1",
                            "iotdata",
                            KEY_ID,
                            b -> {}),
                    "InvalidSignatureException",
                    "Credential should be scoped to correct service: 'iot'.");
            assertRefused(
                    sdkSigned(
                            SdkHttpMethod.GET,
                            "/certificates",
                            Map.of(),
                            null,
                            "us-east-1",
                            "iot",
                            "AKIDOTHER",
                            b -> {}),
                    "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }

        @Test
        void request_signed_twenty_minutes_ago() {
            var late = new SigV4Authenticator(
                    store, Region.US_EAST_1, Clock.fixed(NOW.plusSeconds(20 * 60), ZoneOffset.UTC));
            assertThat(late.authenticate(signed).getLeft())
                    .isEqualTo(new AuthenticationRefusal(
                            Code.INVALID_SIGNATURE,
                            "Signature expired: 20261127T091222Z is now earlier than 20261127T091722Z"
                                    + " (20261127T093222Z - 15 min.)"));
        }

        @Test
        void but_accepts_the_execute_api_scope_of_older_clients() {
            var older = sdkSigned(
                    SdkHttpMethod.GET, "/certificates", Map.of(), null, "us-east-1", "execute-api", KEY_ID, b -> {});
            assertThat(verify(older).get()).isEqualTo(ALICE);
        }
    }

    /** An SDK HTTP client that records each request as the server would receive it and answers 200 {}. */
    private static final class CapturingHttpClient implements SdkHttpClient {

        private final List<HttpRequest> captured;

        CapturingHttpClient(List<HttpRequest> captured) {
            this.captured = captured;
        }

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] body = request.contentStreamProvider()
                    .map(AwsSdkSignerTest::readAll)
                    .orElse(new byte[0]);
            captured.add(asReceived(request.httpRequest(), body));
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(200)
                                    .putHeader("Content-Type", "application/json")
                                    .build())
                            .responseBody(AbortableInputStream.create(
                                    new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8))))
                            .build();
                }

                @Override
                public void abort() {}
            };
        }

        @Override
        public void close() {}
    }
}
