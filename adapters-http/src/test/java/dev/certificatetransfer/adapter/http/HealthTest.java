package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicReference;

/** {@code GET /health} over a real socket: no credentials needed, 200 while the store serves, 503 while it cannot. */
class HealthTest {

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private final AtomicReference<HealthCheck.Health> state =
            new AtomicReference<>(HealthCheck.Health.up("h2 file ./data/test"));
    private final HttpClient client = HttpClient.newHttpClient();
    private CertificateTransferServer server;

    private void start(Dialect dialect) {
        server = CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(fixture.service)
                        .dialect(dialect)
                        .credentials(new TestCredentials())
                        .health(state::get)
                        .build())
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private java.net.http.HttpResponse<String> send(String method) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void an_unauthenticated_get_is_answered_200_with_the_store_while_it_serves(Dialect dialect) throws Exception {
        start(dialect);

        var response = send("GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"store\":\"h2 file ./data/test\"}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void a_store_that_cannot_serve_is_answered_503_with_the_reason(Dialect dialect) throws Exception {
        start(dialect);
        state.set(HealthCheck.Health.down("postgresql localhost:5432/ct", "connection refused"));

        var response = send("GET");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"DOWN\",\"store\":\"postgresql localhost:5432/ct\","
                        + "\"detail\":\"connection refused\"}");
    }

    @Test
    void the_figures_a_store_adds_are_answered_in_order() throws Exception {
        start(Dialect.AWS);
        state.set(HealthCheck.Health.up("postgresql")
                .withFigure("outboxUndelivered", 3)
                .withFigure("outboxOldestAgeMillis", 1500));

        var response = send("GET");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"status\":\"UP\",\"store\":\"postgresql\","
                        + "\"figures\":{\"outboxUndelivered\":3,\"outboxOldestAgeMillis\":1500}}");
    }

    @Test
    void a_check_that_throws_is_answered_503_not_500() throws Exception {
        server = CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(fixture.service)
                        .dialect(Dialect.AWS)
                        .credentials(new TestCredentials())
                        .health(() -> {
                            throw new IllegalStateException("pool closed");
                        })
                        .build())
                .build()
                .start();

        assertThat(send("GET").statusCode()).isEqualTo(503);
    }

    @Test
    void another_method_is_answered_405_in_the_dialects_format() throws Exception {
        start(Dialect.AWS);

        var response = send("POST");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isPresent();
    }

    @Test
    void the_operations_still_need_credentials() throws Exception {
        start(Dialect.AWS);

        var response = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/certificates"))
                        .GET()
                        .build(),
                BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }
}
