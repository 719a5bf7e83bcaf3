package dev.certificatetransfer.examples.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ThrottlingException;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The local server started as {@code main} starts it, on an ephemeral port, driven by the real AWS SDK for Java v2
 * with the demo keys it prints: a transfer, the target's view, a cancel, a second cancel (410), the metrics that
 * counted them at {@code GET /metrics}; then stopped.
 */
class LocalServerSmokeTest {

    private static final Pattern LISTENING = Pattern.compile("(?m)^listening on http://127\\.0\\.0\\.1:(\\d+)$");

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private LocalServer start(String... args) {
        var parsed = ServerOptions.parse(args);
        assertThat(parsed).isInstanceOf(ServerOptions.Parsed.Run.class);
        return LocalServer.start(
                ((ServerOptions.Parsed.Run) parsed).options(),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                System.nanoTime());
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private IotClient client(String account) {
        return DemoKeys.client(output(), port(), account);
    }

    private int port() {
        var listening = LISTENING.matcher(output());
        assertThat(listening.find()).as("a listening line in:\n%s", output()).isTrue();
        return Integer.parseInt(listening.group(1));
    }

    private static String pem() {
        return pem(1);
    }

    private static String pem(int number) {
        try (var in = LocalServerSmokeTest.class.getResourceAsStream("/demo/device-" + number + ".pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_aws_sdk_drives_a_transfer_and_its_cancel_through_the_demo_accounts_and_an_h2_file() throws Exception {
        try (var server = start("--port", "0", "--store", "h2:" + directory.resolve("db"))) {
            assertThat(output())
                    .contains("store        h2 file " + directory.resolve("db").toAbsolutePath())
                    .contains("credentials  2 demo accounts");
            assertThat(server.port()).isEqualTo(port()).isPositive();
            try (var alice = client("alice");
                    var bob = client("bob")) {
                String id = alice.registerCertificateWithoutCA(r -> r.certificatePem(pem()))
                        .certificateId();
                var transferred = alice.transferCertificate(r ->
                        r.certificateId(id).targetAwsAccount("222222222222").transferMessage("device 1 is yours"));
                assertThat(transferred.transferredCertificateArn()).contains(":222222222222:cert/" + id);

                var bobsView = bob.describeCertificate(r -> r.certificateId(id)).certificateDescription();
                assertThat(bobsView.status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
                assertThat(bobsView.ownedBy()).isEqualTo("111111111111");

                alice.cancelCertificateTransfer(r -> r.certificateId(id));
                var after = alice.describeCertificate(r -> r.certificateId(id)).certificateDescription();
                assertThat(after.status()).isEqualTo(CertificateStatus.INACTIVE);
                assertThat(after.transferData().transferMessage()).isEqualTo("device 1 is yours");

                assertThatThrownBy(() -> alice.cancelCertificateTransfer(r -> r.certificateId(id)))
                        .isInstanceOfSatisfying(
                                TransferAlreadyCompletedException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(410));
            }
            var health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body())
                    .contains("\"status\":\"UP\"")
                    .contains("h2 file")
                    .contains("\"outboxUndelivered\":")
                    .contains("\"outboxOldestAgeMillis\":");

            var metrics = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).contains(ServerMetrics.CONTENT_TYPE);
            assertThat(metrics.body())
                    .contains(
                            "certificate_transfer_operations_total{operation=\"TransferCertificate\",outcome=\"OK\"} 1")
                    .contains("certificate_transfer_operations_total{operation=\"CancelCertificateTransfer\","
                            + "outcome=\"OK\"} 1")
                    .contains("certificate_transfer_operations_total{operation=\"CancelCertificateTransfer\","
                            + "outcome=\"TRANSFER_ALREADY_COMPLETED\"} 1")
                    .contains("certificate_transfer_operation_duration_seconds_count{"
                            + "operation=\"DescribeCertificate\",outcome=\"OK\"} 2")
                    .contains("certificate_transfer_commit_gave_up_total 0")
                    .contains("certificate_transfer_outbox_backlog_events ")
                    .contains("certificate_transfer_outbox_oldest_age_seconds ");
        }
        assertThat(output()).endsWith("stopped" + System.lineSeparator());
    }

    @Test
    void the_account_quota_of_the_command_line_answers_limit_exceeded_to_the_sdk() {
        try (var server = start("--port", "0", "--store", "memory", "--max-certificates-per-account", "1")) {
            assertThat(output()).contains("quota        1 certificates and 67108864 bytes of PEM per account");
            assertThat(server.port()).isEqualTo(port());
            try (var alice = client("alice")) {
                alice.registerCertificateWithoutCA(r -> r.certificatePem(pem(1)));

                assertThatThrownBy(() -> alice.registerCertificateWithoutCA(r -> r.certificatePem(pem(2))))
                        .isInstanceOfSatisfying(
                                LimitExceededException.class,
                                e -> assertThat(e.statusCode()).isEqualTo(410));
                assertThat(alice.listCertificates(r -> {}).certificates()).hasSize(1);
            }
        }
    }

    @Test
    void the_throttle_of_the_command_line_admits_no_more_than_its_rate_and_answers_throttling_to_the_sdk() {
        try (var server = start("--port", "0", "--store", "memory", "--throttle", "1")) {
            assertThat(server.port()).isEqualTo(port());
            try (var alice = client("alice")) { // the client does not retry
                int admitted = 0;
                int throttled = 0;
                long started = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    try {
                        alice.listCertificates(r -> {});
                        admitted++;
                    } catch (ThrottlingException refused) {
                        assertThat(refused.statusCode()).isEqualTo(400);
                        throttled++;
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                // whatever the timing: a burst of one, then one more per second at most
                assertThat(admitted).isLessThanOrEqualTo(1 + (int) Math.ceil(seconds));
                assertThat(admitted + throttled).isEqualTo(20);
            }
        }
    }

    @Test
    void what_the_h2_store_acknowledged_is_there_after_a_restart() {
        String store = "h2:" + directory.resolve("kept");
        String id;
        try (var server = start("--port", "0", "--store", store);
                var alice = client("alice")) {
            assertThat(server.port()).isPositive();
            id = alice.registerCertificateWithoutCA(r -> r.certificatePem(pem()))
                    .certificateId();
            alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222"));
        }
        printed.reset();
        try (var server = start("--port", "0", "--store", store);
                var alice = client("alice")) {
            assertThat(server.port()).isPositive();
            assertThat(alice.describeCertificate(r -> r.certificateId(id))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.PENDING_TRANSFER);
        }
    }

    @Test
    void health_answers_503_while_the_database_is_gone() throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("gone").toAbsolutePath();
        try (var create = java.sql.DriverManager.getConnection(url)) {
            assertThat(create.isValid(1)).isTrue();
        }
        try (var server = start("--port", "0", "--store", url + ";IFEXISTS=TRUE")) {
            var client = HttpClient.newHttpClient();
            var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                    .build();
            assertThat(client.send(health, BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);

            try (var admin = java.sql.DriverManager.getConnection(url);
                    var shutdown = admin.createStatement()) {
                shutdown.execute("SHUTDOWN");
            }
            Files.delete(directory.resolve("gone.mv.db"));

            var down = client.send(health, BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("no connection to the database");
        }
    }

    @Test
    void with_a_transfer_ttl_an_offer_left_pending_expires_and_a_cancel_is_answered_410() {
        try (var server = start("--port", "0", "--store", "memory", "--transfer-ttl", "1s");
                var alice = client("alice");
                var bob = client("bob")) {
            assertThat(output()).contains("transfers    expire PT1S after their transfer date (ours, not AWS's)");
            String id = alice.registerCertificateWithoutCA(r -> r.certificatePem(pem()))
                    .certificateId();
            var offered = alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount("222222222222"));
            assertThat(offered.transferredCertificateArn()).contains(":222222222222:cert/" + id);
            // whether Bob still sees the offer now depends on how fast this machine is: wait for it to expire

            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(bob.listCertificates(r -> {}).certificates())
                                    .isEmpty());
            assertThat(alice.describeCertificate(r -> r.certificateId(id))
                            .certificateDescription()
                            .status())
                    .isEqualTo(CertificateStatus.INACTIVE);
            assertThatThrownBy(() -> alice.cancelCertificateTransfer(r -> r.certificateId(id)))
                    .isInstanceOfSatisfying(
                            TransferAlreadyCompletedException.class,
                            e -> assertThat(e.getMessage()).contains("expired"));
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void a_credentials_file_replaces_the_demo_accounts_and_no_secret_is_printed() throws Exception {
        var csv = Files.writeString(directory.resolve("credentials.csv"), """
                account_id,access_key_id,secret_access_key,bearer_token
                333333333333,AKIDCAROL0000000000C,carols-secret-never-printed-0123456789abc,carols-token
                """);
        try (var server = start("--port", "0", "--store", "memory", "--credentials", csv.toString())) {
            assertThat(output())
                    .contains("credentials  file " + csv.toAbsolutePath())
                    .contains("1 access key, 1 bearer token)")
                    .doesNotContain("carols-secret")
                    .doesNotContain("carols-token")
                    .doesNotContain("Demo accounts");
            var listing = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/certificates"))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(listing.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void the_envelope_dialect_answers_bearer_tokens_of_the_demo_accounts() throws Exception {
        try (var server = start("--port", "0", "--store", "memory", "--dialect", "envelope")) {
            var token = Pattern.compile("alice = account 111111111111, access key \\S+, bearer token (\\S+)")
                    .matcher(output());
            assertThat(token.find()).isTrue();
            var listing = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/certificates"))
                                    .header("Authorization", "Bearer " + token.group(1))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(listing.statusCode()).isEqualTo(200);
            assertThat(listing.body()).startsWith("{\"success\":true,");
        }
    }

    @Test
    void a_database_that_cannot_be_opened_is_named_without_its_password() {
        // the driver reads "ct:s3cr3t-pw@127.0.0.1" as a host name and echoes it in its unknown-host error
        assertThatThrownBy(() -> start("--port", "0", "--store", "jdbc:postgresql://ct:s3cr3t-pw@127.0.0.1:1/ct"))
                .isInstanceOf(StartFailure.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("s3cr3t-pw"));
        assertThatThrownBy(() -> start("--port", "0", "--store", "jdbc:postgresql://127.0.0.1:1/ct?password=s3cr3t-pw"))
                .isInstanceOf(StartFailure.class)
                .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("s3cr3t-pw"));
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("s3cr3t-pw");
    }

    @Test
    void a_start_failure_masks_any_password_a_driver_echoes() {
        assertThat(StartFailure.withoutSecrets("java.net.UnknownHostException: ct:s3cr3t-pw@db.example"))
                .isEqualTo("java.net.UnknownHostException: ****@db.example");
        assertThat(StartFailure.withoutSecrets("cannot open jdbc:postgresql://u:p%40ss@db/ct?user=u&password=x;y"))
                .doesNotContain("p%40ss")
                .doesNotContain("password=x");
        assertThat(StartFailure.withoutSecrets("jdbc:h2:file:/tmp/x;USER=sa;PASSWORD=top secret"))
                .doesNotContain("top")
                .doesNotContain("secret")
                .contains("PASSWORD=****");
        assertThat(StartFailure.withoutSecrets("could not be opened: ct:p@ss-SECRET1@127.0.0.1"))
                .as("a password with an @ in it")
                .isEqualTo("could not be opened: ****@127.0.0.1");
        assertThat(StartFailure.withoutSecrets("cannot listen on 127.0.0.1:8080: Address already in use"))
                .isEqualTo("cannot listen on 127.0.0.1:8080: Address already in use");
    }

    @Test
    void a_port_in_use_is_refused_with_a_message_and_nothing_left_open() throws IOException {
        try (var taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> start(
                            "--port",
                            String.valueOf(taken.getLocalPort()),
                            "--store",
                            "h2:" + directory.resolve("busy")))
                    .isInstanceOf(StartFailure.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
        // the H2 file was closed: a second server opens it
        try (var server = start("--port", "0", "--store", "h2:" + directory.resolve("busy"))) {
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    void a_credentials_path_that_is_no_credentials_file_is_refused_before_it_is_read() throws IOException {
        assertThatThrownBy(() -> start("--store", "memory", "--credentials", directory.toString()))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("it is a directory");
        assertThatThrownBy(() -> start("--store", "memory", "--credentials", "/dev/zero"))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("not a regular file");
        var latin1 = Files.write(
                directory.resolve("latin1.csv"),
                "account_id,access_key_id,secret_access_key,bearer_token\n111111111111,AKIDX,s\u00e9cret,t\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> start("--store", "memory", "--credentials", latin1.toString()))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("it is not UTF-8 text");
    }

    @Test
    void a_database_that_cannot_be_created_fails_the_start_with_its_cause_and_leaves_nothing_open() {
        assertThatThrownBy(() -> start("--port", "0", "--store", "h2:/proc/no-database-here/db"))
                .isInstanceOf(StartFailure.class)
                .hasMessageStartingWith("the store h2 file /proc/no-database-here/db.mv.db could not be opened: ")
                .hasMessageNotContaining("Connection is not available");
    }

    @Test
    void a_start_that_fails_after_listening_closes_the_port_again() throws IOException {
        int port;
        try (var probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        var options = ((ServerOptions.Parsed.Run) ServerOptions.parse(
                        "--port", String.valueOf(port), "--store", "h2:" + directory.resolve("late")))
                .options();
        assertThatThrownBy(() -> LocalServer.start(
                        options, new PrintStream(printed, true, StandardCharsets.UTF_8), System.nanoTime(), started -> {
                            throw new IllegalStateException("Shutdown in progress");
                        }))
                .isInstanceOf(StartFailure.class);

        assertThatThrownBy(() -> new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(java.net.ConnectException.class);
        try (var again = start("--port", "0", "--store", "h2:" + directory.resolve("late"))) {
            assertThat(again.port()).isPositive(); // and the H2 file was closed too
        }
    }

    @Test
    void an_unreadable_or_malformed_credentials_file_is_refused_naming_the_file_and_line() throws IOException {
        assertThatThrownBy(() -> start(
                        "--store",
                        "memory",
                        "--credentials",
                        directory.resolve("absent.csv").toString()))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("absent.csv")
                .hasMessageContaining("no such file");
        var malformed = Files.writeString(
                directory.resolve("bad.csv"),
                "account_id,access_key_id,secret_access_key,bearer_token\nacme/ops,AKIDX,secret\n");
        assertThatThrownBy(() -> start("--store", "memory", "--credentials", malformed.toString()))
                .isInstanceOf(StartFailure.class)
                .hasMessageContaining("bad.csv")
                .hasMessageContaining("line 2");
    }

    @Test
    void the_read_timeout_on_the_command_line_reaches_the_http_server() throws Exception {
        try (var server = start("--port", "0", "--store", "memory", "--read-timeout", "1s", "--threads", "2");
                var silent = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), server.port())) {
            silent.setSoTimeout(10_000);

            assertThat(silent.getInputStream().read())
                    .as("a connection silent for the read timeout (1 s, not the default 15 s) is closed")
                    .isEqualTo(-1);
        }
    }
}
