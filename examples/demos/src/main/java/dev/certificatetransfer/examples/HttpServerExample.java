package dev.certificatetransfer.examples;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.CertificateTransferServer;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.HealthCheck;
import dev.certificatetransfer.adapter.http.Throttle;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;

/**
 * The HTTP adapter wired as the README shows: the service served by {@link CertificateTransferServer} in the
 * envelope dialect on a free loopback port, with bearer tokens from an {@link InMemoryCredentialsStore}, a
 * per-account throttle and a health check; then Alice's transfer, her cancel and a second cancel (410) over HTTP,
 * each answer printed as received.
 */
public final class HttpServerExample {

    private static final String ALICES_TOKEN = "alices-demo-token";

    private HttpServerExample() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        var alice = Principal.root(new AccountId("111111111111"));
        var service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        var credentialsStore = new InMemoryCredentialsStore().addBearerToken(ALICES_TOKEN, alice);
        var id = service.registerCertificateWithoutCa(alice, DemoCertificates.parsed(6), CertificateStatus.INACTIVE)
                .get()
                .certificateId();

        var api = CertificateTransferHttpApi.builder()
                .service(service)
                .dialect(Dialect.ENVELOPE)
                .credentials(credentialsStore)
                .throttle(Throttle.perAccount(50))
                .health(HealthCheck.alwaysUp("memory"))
                .build();
        try (var server = CertificateTransferServer.builder()
                .api(api)
                .host("127.0.0.1")
                .port(0)
                .build()
                .start()) {
            var http = new Client(server.port());
            System.out.println("Serving on port " + server.port() + "; GET /health: " + http.send("GET", "/health"));
            System.out.println("Alice transfers " + id.value().substring(0, 12) + "… to Bob: "
                    + http.send("PATCH", "/transfer-certificate/" + id.value() + "?targetAwsAccount=222222222222"));
            System.out.println("Alice cancels: " + http.send("PATCH", "/cancel-certificate-transfer/" + id.value()));
            System.out.println(
                    "Alice cancels again: " + http.send("PATCH", "/cancel-certificate-transfer/" + id.value()));
        }
        System.out.println("Stopped.");
    }

    /** Alice's plain HTTP client: her bearer token on every request, the status and body as the answer. */
    private static final class Client {
        private final HttpClient http = HttpClient.newHttpClient();
        private final int port;

        Client(int port) {
            this.port = port;
        }

        String send(String method, String pathAndQuery) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .header("Authorization", "Bearer " + ALICES_TOKEN)
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            var response = http.send(request, BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }
}
