package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

/**
 * The calls around a transfer in the envelope dialect, over a real socket with java.net.http: the exact JSON of
 * their answers (AWS's output members in {@code data}) and of their refusals (docs/behaviour.md#13-on-the-wire).
 */
class CallsAroundATransferEnvelopeTest {

    /** 2026-01-01T00:00:00.123Z, written as epoch seconds. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00.123Z"), ZoneOffset.UTC);

    private static final String AT = "1767225600.123";
    private static final String ID = TestCertificates.id(0).value();
    private static final String ARN = "arn:aws:iot:us-east-1:111111111111:cert/" + ID;
    private static final String THING_ARN = "arn:aws:iot:us-east-1:111111111111:thing/sensor-1";
    private static final String POLICY_ARN = "arn:aws:iot:us-east-1:111111111111:policy/devices";
    private static final String THING_ID = "00000000-0000-0000-0000-000000000001";
    private static final String SUMMARY =
            "{\"certificateId\":\"" + ID + "\",\"status\":\"INACTIVE\",\"ownedBy\":\"111111111111\"}";

    private final HttpFixture fixture = new HttpFixture(CLOCK);
    private final HttpClient http = HttpClient.newHttpClient();
    private CertificateTransferServer server;

    @BeforeEach
    void start() {
        server = CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(fixture.service)
                        .dialect(Dialect.ENVELOPE)
                        .credentials(new TestCredentials())
                        .requestIds(() -> "request-1")
                        .build())
                .build()
                .start();
        fixture.service
                .registerCertificateWithoutCa(
                        Principal.root(Accounts.ALICE), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Alice's request, with an {@code x-amzn-principal} header unless {@code principal} is null. */
    private HttpResponse<String> send(String method, String path, String body, String principal) {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TestCredentials.token(Accounts.ALICE));
        if (principal != null) {
            request.header("x-amzn-principal", principal);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, null);
    }

    private static void answers(HttpResponse<String> response, int status, String json) {
        assertThat(response.body()).isEqualTo(json);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-request-id")).contains("request-1");
    }

    private static String data(String json) {
        return "{\"success\":true,\"data\":" + json + "}";
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }

    @Test
    void a_thing_is_created_described_and_deleted_at_its_version() {
        answers(
                send("POST", "/things/sensor-1", "{\"attributePayload\":{\"attributes\":{\"serial\":\"A-1\"}}}"),
                200,
                data("{\"thingName\":\"sensor-1\",\"thingArn\":\"" + THING_ARN + "\",\"thingId\":\"" + THING_ID
                        + "\"}"));
        answers(
                send("GET", "/things/sensor-1", null),
                200,
                data("{\"defaultClientId\":\"sensor-1\",\"thingName\":\"sensor-1\",\"thingId\":\"" + THING_ID
                        + "\",\"thingArn\":\"" + THING_ARN + "\",\"attributes\":{\"serial\":\"A-1\"},\"version\":1}"));

        var conflict = send("DELETE", "/things/sensor-1?expectedVersion=2", null);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(json(conflict).at("/error/code").asText()).isEqualTo("VERSION_CONFLICT");
        answers(send("DELETE", "/things/sensor-1?expectedVersion=1", null), 200, data("{\"thingName\":\"sensor-1\"}"));
    }

    @Test
    void a_policy_is_created_read_and_deleted() {
        var document = "{\\\"Version\\\":\\\"2012-10-17\\\"}";
        answers(
                send("POST", "/policies/devices", "{\"policyDocument\":\"" + document + "\"}"),
                200,
                data("{\"policyName\":\"devices\",\"policyArn\":\"" + POLICY_ARN + "\",\"policyDocument\":\"" + document
                        + "\",\"policyVersionId\":\"1\"}"));
        answers(
                send("GET", "/policies/devices", null),
                200,
                data("{\"policyName\":\"devices\",\"policyArn\":\"" + POLICY_ARN + "\",\"policyDocument\":\""
                        + document + "\",\"defaultVersionId\":\"1\",\"creationDate\":" + AT
                        + ",\"lastModifiedDate\":" + AT + ",\"generationId\":\""
                        + sha256Hex("{\"Version\":\"2012-10-17\"}") + "\"}"));

        answers(send("DELETE", "/policies/devices", null), 200, data("{\"policyName\":\"devices\"}"));
    }

    @Test
    void a_document_that_is_not_an_object_is_a_validation_error() {
        answers(
                send("POST", "/policies/devices", "{\"policyDocument\":\"[]\"}"),
                400,
                "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\","
                        + "\"message\":\"The policy document is not a JSON object\"}}");
    }

    @Test
    void a_policy_attached_is_listed_by_the_percent_encoded_arn_of_its_certificate() {
        send("POST", "/policies/devices", "{\"policyDocument\":\"{}\"}");

        answers(send("PUT", "/target-policies/devices", "{\"target\":\"" + ARN + "\"}"), 200, data(SUMMARY));
        answers(
                send("POST", "/attached-policies/" + ARN.replace(":", "%3A").replace("/", "%2F"), null),
                200,
                data("{\"policies\":[{\"policyName\":\"devices\",\"policyArn\":\"" + POLICY_ARN + "\"}]}"));
        answers(send("POST", "/policy-targets/devices", null), 200, data("{\"targets\":[\"" + ARN + "\"]}"));
        answers(send("POST", "/target-policies/devices", "{\"target\":\"" + ARN + "\"}"), 200, data(SUMMARY));
    }

    @Test
    void a_thing_takes_the_certificate_named_by_the_x_amzn_principal_header() {
        send("POST", "/things/sensor-1", null);

        answers(send("PUT", "/things/sensor-1/principals", null, ARN), 200, data(SUMMARY));
        answers(send("GET", "/principals/things", null, ARN), 200, data("{\"things\":[\"sensor-1\"]}"));
        answers(send("GET", "/things/sensor-1/principals", null), 200, data("{\"principals\":[\"" + ARN + "\"]}"));
        answers(
                send("PUT", "/things/sensor-1/principals", null),
                400,
                "{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\","
                        + "\"message\":\"The header x-amzn-principal is required, once\"}}");
        answers(send("DELETE", "/things/sensor-1/principals", null, ARN), 200, data(SUMMARY));
    }

    @Test
    void create_keys_and_certificate_answers_the_key_pair_in_aws_members() {
        var created = json(send("POST", "/keys-and-certificate?setAsActive=true", null))
                .get("data");

        assertThat(created.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("certificateArn", "certificateId", "certificatePem", "keyPair");
        assertThat(created.get("keyPair").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("PublicKey", "PrivateKey");
        assertThat(created.at("/keyPair/PrivateKey").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(created.get("certificateArn").asText())
                .isEqualTo("arn:aws:iot:us-east-1:111111111111:cert/"
                        + created.get("certificateId").asText());
    }

    @Test
    void create_certificate_from_csr_answers_the_certificate() {
        var issued = json(send(
                        "POST",
                        "/certificates",
                        "{\"certificateSigningRequest\":\"" + TestIssuer.csr().replace("\n", "\\n") + "\"}"))
                .get("data");

        assertThat(issued.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("certificateArn", "certificateId", "certificatePem");
        assertThat(issued.get("certificatePem").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
