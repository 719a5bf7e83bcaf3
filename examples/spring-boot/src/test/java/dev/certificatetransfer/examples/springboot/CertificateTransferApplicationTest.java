package dev.certificatetransfer.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/**
 * The example application on a random port, as its clients see it: the real AWS SDK for Java v2 with the keys of
 * {@code application.properties} for a register, a transfer and its cancel; Actuator's health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class CertificateTransferApplicationTest {

    @LocalServerPort
    private int port;

    @Value("${certificate-transfer.http.accounts[0].account-id}")
    private String alice;

    @Value("${certificate-transfer.http.accounts[0].access-key-id}")
    private String alicesKey;

    @Value("${certificate-transfer.http.accounts[0].secret-access-key}")
    private String alicesSecret;

    @Value("${certificate-transfer.http.accounts[1].account-id}")
    private String bob;

    /** An AWS SDK client of the example's endpoint that does not retry, so each call is one request. */
    private IotClient client(String accessKeyId, String secretAccessKey) {
        return IotClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
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
    void over_the_aws_sdk_a_register_a_transfer_and_its_cancel_and_the_application_hears_each(CapturedOutput output)
            throws IOException {
        String id;
        try (var iot = client(alicesKey, alicesSecret)) {
            var pem = pem();
            id = iot.registerCertificateWithoutCA(r -> r.certificatePem(pem).status(CertificateStatus.INACTIVE))
                    .certificateId();

            var transfer = iot.transferCertificate(r -> r.certificateId(id).targetAwsAccount(bob));
            assertThat(transfer.transferredCertificateArn()).isEqualTo("arn:aws:iot:us-east-1:" + bob + ":cert/" + id);

            iot.cancelCertificateTransfer(r -> r.certificateId(id));
            var described = iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
            assertThat(described.ownedBy()).isEqualTo(alice);
            assertThat(described.status()).isEqualTo(CertificateStatus.INACTIVE);

            assertThatThrownBy(() -> iot.cancelCertificateTransfer(r -> r.certificateId(id)))
                    .isInstanceOf(TransferAlreadyCompletedException.class);
        }
        // the application's @EventListener, called by the outbox relay after each commit
        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().contains("TRANSFER_CANCELLED of certificate " + id));
        assertThat(output.getOut())
                .contains("CERTIFICATE_REGISTERED of certificate " + id)
                .contains("TRANSFER_REQUESTED of certificate " + id);
    }

    @Test
    void over_the_aws_sdk_a_created_certificate_with_a_policy_attached_is_not_transferred_until_it_is_detached() {
        try (var iot = client(alicesKey, alicesSecret)) {
            var created = iot.createKeysAndCertificate(r -> r.setAsActive(false));
            assertThat(created.keyPair().privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
            var arn = created.certificateArn();
            var policy = "policy-" + created.certificateId().substring(0, 8);
            iot.createPolicy(r -> r.policyName(policy).policyDocument("{\"Version\":\"2012-10-17\"}"));
            iot.attachPolicy(r -> r.policyName(policy).target(arn));

            // the ARN travels percent-encoded in one path segment, through Tomcat, to the API
            assertThat(iot.listAttachedPolicies(r -> r.target(arn)).policies())
                    .extracting(p -> p.policyName())
                    .containsExactly(policy);
            assertThatThrownBy(() -> iot.transferCertificate(
                            r -> r.certificateId(created.certificateId()).targetAwsAccount(bob)))
                    .isInstanceOf(TransferConflictException.class);
            iot.detachPolicy(r -> r.policyName(policy).target(arn));
            assertThat(iot.transferCertificate(r ->
                                    r.certificateId(created.certificateId()).targetAwsAccount(bob))
                            .transferredCertificateArn())
                    .endsWith(":" + bob + ":cert/" + created.certificateId());
        }
    }

    @Test
    void a_request_signed_with_a_wrong_secret_is_refused() {
        try (var iot = client(alicesKey, "not-" + alicesSecret)) {
            assertThatThrownBy(() -> iot.listCertificates(r -> {}))
                    .isInstanceOfSatisfying(
                            IotException.class,
                            refused -> assertThat(refused.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void a_request_refused_from_its_head_gets_its_final_answer_and_no_100_continue() throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(String.join(
                                    "\r\n",
                                    "POST /certificate/register-no-ca HTTP/1.1",
                                    "Host: x",
                                    "Content-Length: 10",
                                    "Expect: 100-continue",
                                    "",
                                    "")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var statusLine = new StringBuilder();
            var in = socket.getInputStream();
            for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
                statusLine.append((char) b);
            }
            assertThat(statusLine.toString())
                    .as("the body is never sent: the answer comes from the head")
                    .startsWith("HTTP/1.1 403 ");
        }
    }

    @Test
    void the_applications_other_paths_stay_spring_mvcs() throws Exception {
        var notOurs = get("/transfer-certificates");
        assertThat(notOurs.statusCode()).isEqualTo(404);
        assertThat(notOurs.headers().firstValue("x-amzn-RequestId")).isEmpty(); // Spring's 404, not the API's
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
    void metrics_are_served_with_the_librarys() throws Exception {
        try (var iot = client(alicesKey, alicesSecret)) {
            iot.listCertificates(r -> {});
        }
        var metrics = get("/actuator/metrics");
        assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("\"jvm.memory.used\"")
                .contains("\"certificate.transfer.operations\"")
                .contains("\"certificate.transfer.outbox.backlog\"");

        var operations = get("/actuator/metrics/certificate.transfer.operations");
        assertThat(operations.statusCode()).as(operations.body()).isEqualTo(200);
    }

    /** The versions of Spring Boot 4.0.7's spring-boot-dependencies, which this module's POM asks for. */
    @Test
    void runs_on_spring_boots_versions_of_flyway_and_micrometer_not_the_projects() throws IOException {
        var flyway = new Properties();
        try (var in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            flyway.load(in);
        }
        assertThat(flyway.getProperty("version")).isEqualTo("11.14.1");
        assertThat(MeterRegistry.class.getPackage().getImplementationVersion()).isEqualTo("1.16.6");
    }
}
