package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicInteger;

/** An extra plain-text endpoint (a metrics scrape) over a real socket: no credentials, GET and HEAD, fresh text. */
class PlainTextEndpointTest {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private final AtomicInteger scrapes = new AtomicInteger();
    private final HttpClient client = HttpClient.newHttpClient();
    private CertificateTransferServer server;

    private void start(Dialect dialect) {
        server = CertificateTransferServer.builder()
                .api(api(dialect)
                        .plainTextEndpoint(
                                "/metrics", PROMETHEUS_TEXT, () -> "scrapes_total " + scrapes.incrementAndGet() + "\n")
                        .build())
                .build()
                .start();
    }

    private CertificateTransferHttpApi.Builder api(Dialect dialect) {
        return CertificateTransferHttpApi.builder()
                .service(fixture.service)
                .dialect(dialect)
                .credentials(new TestCredentials());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private java.net.http.HttpResponse<String> send(String method, String path)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void an_unauthenticated_get_is_answered_with_the_text_of_that_moment(Dialect dialect) throws Exception {
        start(dialect);

        var first = send("GET", "/metrics");
        var second = send("GET", "/metrics");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).contains(PROMETHEUS_TEXT);
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(first.body()).isEqualTo("scrapes_total 1\n");
        assertThat(second.body()).isEqualTo("scrapes_total 2\n");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void another_method_is_answered_405_and_the_text_is_not_asked_for(Dialect dialect) throws Exception {
        start(dialect);

        var response = send("POST", "/metrics");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(scrapes).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/certificates", "/cancel-certificate-transfer/abc", "metrics"})
    void the_path_of_an_operation_or_of_the_health_check_cannot_be_taken(String path) {
        assertThatThrownBy(() -> api(Dialect.AWS).plainTextEndpoint(path, PROMETHEUS_TEXT, () -> ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
