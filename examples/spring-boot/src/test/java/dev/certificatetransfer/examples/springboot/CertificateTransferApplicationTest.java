package dev.certificatetransfer.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The example application on a random port, as a client sees it: a transfer, a cancel, the health and metrics. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CertificateTransferApplicationTest {

    private static final String ALICE = "111111111111";
    private static final String BOB = "222222222222";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    private HttpResponse<String> post(String path, String account, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Account-Id", account)
                .POST(BodyPublishers.ofString(body))
                .build();
        return client.send(request, BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                BodyHandlers.ofString());
    }

    private static String pem() throws IOException {
        try (InputStream in = CertificateTransferApplicationTest.class.getResourceAsStream("/device.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void a_transfer_and_its_cancel_then_a_second_cancel_is_refused() throws Exception {
        var registered = post("/certificates", ALICE, pem());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        var id = field(registered.body(), "certificateId");

        var transfer = post("/certificates/" + id + "/transfer?to=" + BOB, ALICE, "");
        assertThat(transfer.statusCode()).as(transfer.body()).isEqualTo(200);
        assertThat(field(transfer.body(), "transferredCertificateArn"))
                .isEqualTo("arn:aws:iot:us-east-1:" + BOB + ":cert/" + id);

        var cancel = post("/certificates/" + id + "/cancel", ALICE, "");
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(field(cancel.body(), "status")).isEqualTo("INACTIVE");

        var again = post("/certificates/" + id + "/cancel", ALICE, "");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(410);
        assertThat(again.body()).contains("already complete");
    }

    @Test
    void a_caller_that_is_not_an_account_is_a_bad_request() throws Exception {
        var refused = post("/certificates/" + "a".repeat(64) + "/cancel", "alice/ops", "");
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void health_shows_the_certificate_transfer_component_up_on_h2() throws Exception {
        var health = get("/actuator/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"certificateTransfer\":{\"details\":{\"store\":\"jdbc (H2)\",\"outboxUndelivered\":")
                .contains("},\"status\":\"UP\"}");
    }

    @Test
    void metrics_are_served() throws Exception {
        var metrics = get("/actuator/metrics");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"jvm.memory.used\"");

        var backlog = get("/actuator/metrics/certificate.transfer.outbox.backlog");
        assertThat(backlog.statusCode()).as(backlog.body()).isEqualTo(200);
        assertThat(backlog.body()).contains("\"name\":\"certificate.transfer.outbox.backlog\"");
    }

    private static String field(String json, String name) {
        var m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return m.group(1);
    }
}
