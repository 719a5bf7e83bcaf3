package dev.certificatetransfer.adapter.http.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request or a response written to a log is one short line: no body in full, no header value of a request. */
class HttpMessagePrintingTest {

    @Test
    void a_response_prints_its_status_headers_and_the_start_of_its_body() {
        var pem = "-----BEGIN CERTIFICATE-----\n" + "A".repeat(5000) + "\n-----END CERTIFICATE-----\n";
        var body =
                ("{\"certificateDescription\":{\"certificatePem\":\"" + pem + "\"}}").getBytes(StandardCharsets.UTF_8);
        var response = new HttpResponse(200, Map.of("Content-Type", "application/json"), body);

        assertThat(response.toString())
                .startsWith("HttpResponse[200, {Content-Type=application/json}, " + body.length + " bytes: ")
                .contains("certificateDescription")
                .doesNotContain("END CERTIFICATE")
                .hasSizeLessThan(400);
    }

    @Test
    void a_response_with_a_private_key_prints_none_of_its_body() {
        var body = ("{\"certificateArn\":\"arn\",\"keyPair\":{\"PrivateKey\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIE"
                        + "\\n-----END RSA PRIVATE KEY-----\\n\"}}")
                .getBytes(StandardCharsets.UTF_8);
        var response = new HttpResponse(200, Map.of(), body);

        assertThat(response)
                .hasToString("HttpResponse[200, {}, " + body.length + " bytes: (holds a private key: not shown)]");
    }

    @Test
    void a_short_response_prints_its_whole_body() {
        var response = new HttpResponse(410, Map.of(), "{\"message\":\"gone\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response).hasToString("HttpResponse[410, {}, 18 bytes: {\"message\":\"gone\"}]");
    }
}
