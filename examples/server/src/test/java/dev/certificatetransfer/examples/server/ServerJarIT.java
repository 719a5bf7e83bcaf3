package dev.certificatetransfer.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.examples.DemoCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The packaged jar as a user runs it ({@code java -jar examples/server/target/certificate-transfer-server.jar}, after
 * {@code package}): it starts with everything it needs shaded in (Flyway's PostgreSQL and H2 support, Jetty,
 * Jackson), serves a transfer and its cancel to the AWS SDK with the demo keys it prints, stops cleanly on SIGTERM, and
 * refuses a bad option or a busy port with a message and an exit
 * status.
 */
class ServerJarIT {

    @TempDir
    Path directory;

    @Test
    void the_jar_starts_on_a_free_port_with_the_default_h2_store_serves_and_stops_on_sigterm() throws Exception {
        try (var server = ServerJar.launch(directory, "--port", "0")) {
            int port = server.awaitListening();
            var printed = server.stdout().lines().toList();
            assertThat(port)
                    .as("printed: %s\nstderr: %s", printed, server.stderr())
                    .isPositive();
            var data = directory.toRealPath().resolve("data");
            assertThat(printed)
                    .anyMatch(line -> line.startsWith("certificate-transfer server "))
                    .anyMatch(line -> line.startsWith("  store        h2 file " + data))
                    .anyMatch(line -> line.startsWith("  alice() { AWS_ACCESS_KEY_ID="));
            assertThat(Files.exists(directory.resolve("data/certificate-transfer.mv.db")))
                    .isTrue();

            var health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            try (var alice = DemoKeys.client(String.join("\n", printed), port, "alice");
                    var bob = DemoKeys.client(String.join("\n", printed), port, "bob")) {
                String pem = DemoCertificates.pem(5);
                String id = alice.registerCertificateWithoutCA(r -> r.certificatePem(pem))
                        .certificateId();
                alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222"));
                assertThat(bob.listCertificates(r -> {}).certificates())
                        .extracting(c -> c.certificateId())
                        .contains(id);
                alice.cancelCertificateTransfer(r -> r.certificateId(id));
                assertThatThrownBy(() -> alice.cancelCertificateTransfer(r -> r.certificateId(id)))
                        .isInstanceOf(TransferAlreadyCompletedException.class);
            }
            var unsigned = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/certificates"))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(403);
            assertThat(unsigned.headers().firstValue("x-amzn-ErrorType"))
                    .hasValue("MissingAuthenticationTokenException");

            server.terminate(); // SIGTERM
            int status = server.awaitExit(20);
            assertThat(server.stdout().lines()).contains("stopped");
            assertThat(status).isEqualTo(128 + 15);
        }
    }

    @Test
    void at_trace_level_no_secret_signature_or_token_reaches_the_log() throws Exception {
        try (var server = ServerJar.launch(
                directory, "--port", "0", "--store", "h2:" + directory.resolve("trace"), "--log-level", "trace")) {
            int port = server.awaitListening();
            var printed = server.stdout();
            assertThat(port).as("printed: %s", printed).isPositive();
            var alices = Pattern.compile("(?m)^  alice = account \\S+, access key \\S+, bearer token (\\S+)$")
                    .matcher(printed);
            var secret = Pattern.compile("(?m)^  alice\\(\\) \\{ AWS_ACCESS_KEY_ID=\\S+ AWS_SECRET_ACCESS_KEY=(\\S+) ")
                    .matcher(printed);
            assertThat(alices.find() && secret.find())
                    .as("alice's token and secret in: %s", printed)
                    .isTrue();

            try (var alice = DemoKeys.client(printed, port, "alice")) {
                String pem = DemoCertificates.pem(6);
                String id = alice.registerCertificateWithoutCA(r -> r.certificatePem(pem))
                        .certificateId();
                alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222"));
                alice.cancelCertificateTransfer(r -> r.certificateId(id));
            }
            var bearer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/certificates"))
                                    .header("Authorization", "Bearer " + alices.group(1))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(403); // the AWS dialect: a token is no signature
            server.terminate();
            server.awaitExit(20);

            var log = server.stderr();
            assertThat(log).as("the request lines of the debug level").contains("CancelCertificateTransfer");
            assertThat(log)
                    .doesNotContain(secret.group(1))
                    .doesNotContain(alices.group(1))
                    .doesNotContain("Signature=")
                    .doesNotContainIgnoringCase("authorization: ");
        }
    }

    @Test
    void a_bad_option_exits_2_with_the_mistake_and_where_to_look() throws Exception {
        try (var server = ServerJar.launch(directory, "--dialect", "soap")) {
            assertThat(server.awaitExit(20)).isEqualTo(2);
            assertThat(server.stderr())
                    .contains("error: --dialect must be aws or envelope; got 'soap'")
                    .contains("--help");
        }
    }

    @Test
    void help_lists_the_options_and_exits_0() throws Exception {
        try (var server = ServerJar.launch(directory, "--help")) {
            assertThat(server.awaitExit(20)).isZero();
            assertThat(server.stdout())
                    .contains("--port", "--bind", "--dialect", "--region", "--store", "--credentials", "--log-level");
        }
    }

    @Test
    void a_port_in_use_exits_1_with_a_message() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            try (var server =
                    ServerJar.launch(directory, "--port", String.valueOf(taken.getLocalPort()), "--store", "memory")) {
                assertThat(server.awaitExit(20)).isEqualTo(1);
                assertThat(server.stderr()).contains("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
            }
        }
    }
}
