package dev.certificatetransfer.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.examples.DemoCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The packaged jar as a user runs it ({@code java -jar examples/server/target/certificate-transfer-server.jar}, after
 * {@code package}): it starts with everything it needs shaded in (Flyway's PostgreSQL and H2 support, Jetty,
 * Jackson), serves a transfer and its cancel to the AWS SDK with the demo keys it prints, stops cleanly on SIGTERM, and
 * refuses a bad option or a busy port with a message and an exit
 * status.
 */
class ServerJarIT {

    private static final Path JAR = Path.of("target", "certificate-transfer-server.jar");
    private static final Pattern LISTENING = Pattern.compile("^listening on http://127\\.0\\.0\\.1:(\\d+)$");

    @TempDir
    Path directory;

    private Process launch(String... options) throws IOException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(directory.resolve("stdout.txt").toFile())
                .redirectError(directory.resolve("stderr.txt").toFile())
                .start();
    }

    private List<String> printed() throws IOException {
        return Files.readAllLines(directory.resolve("stdout.txt"), StandardCharsets.UTF_8);
    }

    /** Waits (up to 30 s) for the listening line and answers its port, or -1 if the process ended first. */
    private int awaitListening(Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : printed()) {
                var listening = LISTENING.matcher(line);
                if (listening.matches()) {
                    return Integer.parseInt(listening.group(1));
                }
            }
            if (!process.isAlive()) {
                return -1;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    @Test
    void the_jar_starts_on_a_free_port_with_the_default_h2_store_serves_and_stops_on_sigterm() throws Exception {
        var process = launch("--port", "0");
        int port = awaitListening(process);
        var printed = printed();
        assertThat(port)
                .as("printed: %s\nstderr: %s", printed, Files.readString(directory.resolve("stderr.txt")))
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
        assertThat(unsigned.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(printed()).contains("stopped");
        assertThat(process.exitValue()).isEqualTo(128 + 15);
    }

    @Test
    void at_trace_level_no_secret_signature_or_token_reaches_the_log() throws Exception {
        var process = launch("--port", "0", "--store", "h2:" + directory.resolve("trace"), "--log-level", "trace");
        int port = awaitListening(process);
        var printed = String.join("\n", printed());
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
        process.destroy();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        var log = Files.readString(directory.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(log).as("the request lines of the debug level").contains("CancelCertificateTransfer");
        assertThat(log)
                .doesNotContain(secret.group(1))
                .doesNotContain(alices.group(1))
                .doesNotContain("Signature=")
                .doesNotContainIgnoringCase("authorization: ");
    }

    @Test
    void a_bad_option_exits_2_with_the_mistake_and_where_to_look() throws Exception {
        var process = launch("--dialect", "soap");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(directory.resolve("stderr.txt")))
                .contains("error: --dialect must be aws or envelope; got 'soap'")
                .contains("--help");
    }

    @Test
    void help_lists_the_options_and_exits_0() throws Exception {
        var process = launch("--help");

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(String.join("\n", printed()))
                .contains("--port", "--bind", "--dialect", "--region", "--store", "--credentials", "--log-level");
    }

    @Test
    void a_port_in_use_exits_1_with_a_message() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var process = launch("--port", String.valueOf(taken.getLocalPort()), "--store", "memory");

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(Files.readString(directory.resolve("stderr.txt")))
                    .contains("error: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
