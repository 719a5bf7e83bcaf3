package dev.certificatetransfer.examples.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.examples.DemoCertificates;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * No secret reaches a log, whatever {@code --log-level} says: the packaged jar at {@code trace} and at {@code debug},
 * in both dialects, on an H2 URL with a password, serves every operation and refuses every kind of bad credentials,
 * and nothing it prints or writes beside its database shows a secret access key, a signing key derived from one, a
 * signature, a bearer or session token, an {@code Authorization} header or the database's password. Nor does a start
 * that fails on a database URL with a password in it.
 */
class LogSecretsIT {

    private static final String ALICE = "111111111111";
    private static final String BOB = "222222222222";
    private static final List<String> OPERATIONS = List.of(
            "RegisterCertificateWithoutCA",
            "DescribeCertificate",
            "ListCertificates",
            "ListOutgoingCertificates",
            "UpdateCertificate",
            "TransferCertificate",
            "AcceptCertificateTransfer",
            "RejectCertificateTransfer",
            "CancelCertificateTransfer",
            "DeleteCertificate");
    private static final Pattern CERTIFICATE_ID = Pattern.compile("\"certificateId\":\"([0-9a-f]+)\"");

    @TempDir
    Path directory;

    private final SecretsInPlay secrets = new SecretsInPlay();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An account of the credentials file, its secrets in play. */
    private record Account(String id, String accessKeyId, String secretAccessKey, String bearerToken) {
        String csvLine() {
            return id + "," + accessKeyId + "," + secretAccessKey + "," + bearerToken + "\n";
        }

        AwsCredentialsIdentity identity() {
            return AwsCredentialsIdentity.create(accessKeyId, secretAccessKey);
        }
    }

    @ParameterizedTest(name = "{0} dialect at {1}")
    @CsvSource({"aws, trace", "aws, debug", "envelope, trace", "envelope, debug"})
    void every_operation_and_every_refused_credential_leave_no_secret_in_the_log(String dialect, String level)
            throws Exception {
        var alice = account("alice", ALICE);
        var bob = account("bob", BOB);
        var credentials = Files.writeString(
                directory.resolve("credentials.csv"),
                "account_id,access_key_id,secret_access_key,bearer_token\n" + alice.csvLine() + bob.csvLine());
        String password = secrets.add("the database password", secret("db-password-"));
        String store =
                "jdbc:h2:file:" + directory.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;USER=ct;PASSWORD=" + password;

        int refused = dialect.equals("aws") ? 403 : 401;
        var server = ServerJar.launch(
                directory,
                "--port=0",
                "--dialect=" + dialect,
                "--log-level=" + level,
                "--store=" + store,
                "--credentials=" + credentials);
        try (server) {
            int port = server.awaitListening();
            assertThat(port)
                    .as("printed:\n%s%s", server.stdout(), server.stderr())
                    .isPositive();
            if (dialect.equals("aws")) {
                everyOperationSigned(port, alice, bob);
            } else {
                everyOperationWithBearerTokens(port, alice, bob);
                var signature = signed(port, "a valid signature", alice.identity(), Clock.systemUTC(), false);
                assertThat(status(signature)).isEqualTo(refused);
            }
            for (var request : refusedCredentials(port, alice)) {
                assertThat(status(request)).as("%s", request.headers()).isEqualTo(refused);
            }
        }

        var log = server.stderr();
        for (String operation : OPERATIONS) {
            assertThat(log).as("the debug line of each request").contains("op=" + operation);
        }
        assertThat(log).as("the debug lines of refused requests").contains("-> " + refused);
        assertThat(secrets.size()).isGreaterThan(20);
        assertThat(secrets.shownIn(everythingLogged()))
                .as("lines that show a secret")
                .isEmpty();
        assertThat(log)
                .doesNotContain("Signature=")
                .doesNotContain("Credential=")
                .doesNotContainIgnoringCase("authorization:");
    }

    static Stream<Arguments> databaseUrlsWithAPassword() {
        var urls = List.of(
                // the driver reads "ct" as the host and "{password}@127.0.0.1" as the port, and warns about it
                "jdbc:postgresql://ct:{password}@127.0.0.1/ct",
                // the driver reads "ct:{password}@127.0.0.1" as the host, and its unknown-host error echoes it
                "jdbc:postgresql://ct:{password}@127.0.0.1:1/ct",
                "jdbc:postgresql://127.0.0.1:1/ct?user=ct&password={password}");
        return Stream.of("trace", "debug").flatMap(level -> urls.stream().map(url -> Arguments.of(level, url)));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("databaseUrlsWithAPassword")
    void a_start_failing_on_a_database_url_with_a_password_prints_no_password(String level, String url)
            throws Exception {
        String password = secrets.add("the database password", secret("pw-"));
        try (var server = ServerJar.launch(
                directory, "--port=0", "--log-level=" + level, "--store=" + url.replace("{password}", password))) {
            assertThat(server.awaitExit())
                    .as("printed:\n%s%s", server.stdout(), server.stderr())
                    .isEqualTo(1);
            assertThat(server.stderr()).contains("error: the store ");
        }
        assertThat(secrets.shownIn(everythingLogged())).isEmpty();
    }

    private Account account(String name, String id) {
        return new Account(
                id,
                "AKID" + name.toUpperCase(Locale.ROOT)
                        + HexFormat.of().formatHex(bytes(6)).toUpperCase(Locale.ROOT),
                secrets.secretAccessKey(name + "'s secret access key", secret(name + "-secret-")),
                secrets.add(name + "'s bearer token", secret(name + "-token-")));
    }

    /** The AWS dialect: every operation through the AWS SDK, each Authorization header it sends in play. */
    private void everyOperationSigned(int port, Account alice, Account bob) {
        var sent = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                context.httpRequest()
                        .firstMatchingHeader("Authorization")
                        .ifPresent(header -> secrets.signed("an Authorization header the SDK sent", header));
            }
        };
        var aliceKeys = AwsBasicCredentials.create(alice.accessKeyId(), alice.secretAccessKey());
        var bobKeys = AwsBasicCredentials.create(bob.accessKeyId(), bob.secretAccessKey());
        try (IotClient a = DemoKeys.client(port, aliceKeys, sent);
                IotClient b = DemoKeys.client(port, bobKeys, sent)) {
            String first = a.registerCertificateWithoutCA(
                            r -> r.certificatePem(DemoCertificates.pem(1)).status(CertificateStatus.ACTIVE))
                    .certificateId();
            a.describeCertificate(r -> r.certificateId(first));
            a.updateCertificate(r -> r.certificateId(first).newStatus(CertificateStatus.INACTIVE));
            a.transferCertificate(
                    r -> r.certificateId(first).targetAwsAccount(BOB).transferMessage("yours"));
            assertThat(a.listOutgoingCertificates(r -> {}).outgoingCertificates())
                    .hasSize(1);
            assertThat(b.listCertificates(r -> {}).certificates()).hasSize(1);
            b.acceptCertificateTransfer(r -> r.certificateId(first).setAsActive(true));

            String second = a.registerCertificateWithoutCA(r -> r.certificatePem(DemoCertificates.pem(2)))
                    .certificateId();
            a.transferCertificate(r -> r.certificateId(second).targetAwsAccount(BOB));
            b.rejectCertificateTransfer(r -> r.certificateId(second).rejectReason("not mine"));

            String third = a.registerCertificateWithoutCA(r -> r.certificatePem(DemoCertificates.pem(3)))
                    .certificateId();
            a.transferCertificate(r -> r.certificateId(third).targetAwsAccount(BOB));
            a.cancelCertificateTransfer(r -> r.certificateId(third));
            a.deleteCertificate(r -> r.certificateId(third));
        }
        var session = AwsSessionCredentials.create(
                alice.accessKeyId(), alice.secretAccessKey(), secrets.add("a session token", secret("session-")));
        try (IotClient withSessionToken = DemoKeys.client(port, session, sent)) {
            assertThat(withSessionToken.listCertificates(r -> {}).certificates())
                    .hasSize(1);
        }
    }

    /** The envelope dialect: every operation with bearer tokens. */
    private void everyOperationWithBearerTokens(int port, Account alice, Account bob)
            throws IOException, InterruptedException {
        String first = registered(port, alice, 1, ",\"status\":\"ACTIVE\"");
        envelope(port, alice, "GET", "/certificates/" + first, "");
        envelope(port, alice, "PUT", "/certificates/" + first + "?newStatus=INACTIVE", "");
        envelope(port, alice, "PATCH", "/transfer-certificate/" + first + "?targetAwsAccount=" + BOB, "");
        envelope(port, alice, "GET", "/certificates-out-going", "");
        envelope(port, bob, "GET", "/certificates", "");
        envelope(port, bob, "PATCH", "/accept-certificate-transfer/" + first + "?setAsActive=true", "");

        String second = registered(port, alice, 2, "");
        envelope(port, alice, "PATCH", "/transfer-certificate/" + second + "?targetAwsAccount=" + BOB, "");
        envelope(port, bob, "PATCH", "/reject-certificate-transfer/" + second, "{\"rejectReason\":\"not mine\"}");

        String third = registered(port, alice, 3, "");
        envelope(port, alice, "PATCH", "/transfer-certificate/" + third + "?targetAwsAccount=" + BOB, "");
        envelope(port, alice, "PATCH", "/cancel-certificate-transfer/" + third, "");
        envelope(port, alice, "DELETE", "/certificates/" + third, "");
    }

    private String registered(int port, Account account, int certificate, String status)
            throws IOException, InterruptedException {
        String pem = DemoCertificates.pem(certificate).replace("\r", "").replace("\n", "\\n");
        var id = CERTIFICATE_ID.matcher(envelope(
                port,
                account,
                "POST",
                "/certificate/register-no-ca",
                "{\"certificatePem\":\"" + pem + "\"" + status + "}"));
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String envelope(int port, Account caller, String method, String path, String body)
            throws IOException, InterruptedException {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + caller.bearerToken())
                        .header("Content-Type", "application/json")
                        .method(method, body.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                        .build(),
                BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s: %s", method, path, response.body())
                .isEqualTo(200);
        return response.body();
    }

    /**
     * {@code GET /certificates} with credentials both dialects refuse: Signature V4 with a wrong secret, an unknown
     * key, a stale date, a session token, the signature in the query; a wrong bearer token, a valid one beside it;
     * malformed {@code Authorization} headers.
     */
    private List<HttpRequest> refusedCredentials(int port, Account alice) {
        var now = Clock.systemUTC();
        var wrongSecret = AwsCredentialsIdentity.create(
                alice.accessKeyId(), secrets.secretAccessKey("a wrong secret", secret("wrong-secret-")));
        var unknownKey = AwsCredentialsIdentity.create(
                "AKIDUNKNOWN000000000", secrets.secretAccessKey("an unknown key's secret", secret("unknown-")));
        var sessionToken = AwsSessionCredentialsIdentity.create(
                "AKIDUNKNOWN000000000",
                secrets.secretAccessKey("a session's secret", secret("session-secret-")),
                secrets.add("a session token", secret("session-token-")));
        String today = LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE);
        var malformed = new LinkedHashMap<String, String>();
        malformed.put(
                "a header without SignedHeaders",
                "AWS4-HMAC-SHA256 Credential=" + alice.accessKeyId() + "/" + today + "/us-east-1/iot/aws4_request, "
                        + "Signature=" + HexFormat.of().formatHex(bytes(32)));
        malformed.put("an unknown scheme", "AWS4-HMAC-SHA256 " + secret("garbage-"));
        malformed.put(
                "basic authentication",
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        ("alice:" + secret("basic-password-")).getBytes(StandardCharsets.UTF_8)));
        malformed.put("a token after a comma", "Bearer , " + alice.bearerToken());
        malformed.put("a wrong bearer token", "Bearer " + secret("wrong-token-"));
        var requests = new ArrayList<HttpRequest>();
        requests.add(signed(port, "a wrong secret's signature", wrongSecret, now, false));
        requests.add(signed(port, "an unknown key's signature", unknownKey, now, false));
        requests.add(
                signed(port, "a stale signature", alice.identity(), Clock.offset(now, Duration.ofHours(-1)), false));
        requests.add(signed(port, "a signature with a session token", sessionToken, now, false));
        requests.add(signed(port, "a signature in the query", alice.identity(), now, true));
        for (Map.Entry<String, String> header : malformed.entrySet()) {
            requests.add(certificates(port)
                    .header("Authorization", secrets.add(header.getKey(), header.getValue()))
                    .build());
        }
        requests.add(certificates(port)
                .header("Authorization", "Bearer " + secret("wrong-token-"))
                .header("Authorization", "Bearer " + alice.bearerToken())
                .build());
        return requests;
    }

    /** {@code GET /certificates} signed by the AWS SDK's own Signature V4 signer, its secrets in play. */
    private HttpRequest signed(
            int port, String what, AwsCredentialsIdentity identity, Clock clock, boolean signatureInQuery) {
        var unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(URI.create("http://127.0.0.1:" + port + "/certificates"))
                .build();
        var request = AwsV4HttpSigner.create()
                .sign(r -> r.identity(identity)
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iot")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock)
                        .putProperty(
                                AwsV4HttpSigner.AUTH_LOCATION,
                                signatureInQuery ? AuthLocation.QUERY_STRING : AuthLocation.HEADER))
                .request();
        request.firstMatchingHeader("Authorization").ifPresent(header -> secrets.signed(what, header));
        if (signatureInQuery) {
            secrets.signed(what, request.getUri().getRawQuery());
        }
        var builder = HttpRequest.newBuilder(request.getUri());
        request.forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.GET().build();
    }

    private static HttpRequest.Builder certificates(int port) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/certificates"));
    }

    private int status(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        return response.statusCode();
    }

    /** What the server printed, and every file it wrote beside its database (an H2 trace file, say). */
    private String everythingLogged() throws IOException {
        var log = new StringBuilder();
        try (var files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("credentials.csv") && !name.endsWith(".mv.db")) {
                    log.append("---- ").append(name).append('\n');
                    log.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
                }
            }
        }
        return log.toString();
    }

    private String secret(String prefix) {
        return prefix + HexFormat.of().formatHex(bytes(16));
    }

    private byte[] bytes(int count) {
        var bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
