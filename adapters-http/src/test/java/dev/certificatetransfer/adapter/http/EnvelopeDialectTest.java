package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The envelope dialect over a real socket with java.net.http: the exact JSON of each success and each error code. */
class EnvelopeDialectTest {

    /** 2026-01-01T00:00:00.123Z, written as epoch seconds. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00.123Z"), ZoneOffset.UTC);

    private static final String AT = "1767225600.123";
    private static final String ID = TestCertificates.id(0).value();
    private static final String ALICE = Accounts.ALICE.value();
    private static final String BOB = Accounts.BOB.value();

    private final HttpFixture fixture = new HttpFixture(CLOCK);
    private final HttpClient http = HttpClient.newHttpClient();
    private CertificateTransferServer server;

    @BeforeEach
    void start() {
        server = start(fixture.service, Throttle.off());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static CertificateTransferServer start(CertificateTransferUseCases service, Throttle throttle) {
        return CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(service)
                        .dialect(Dialect.ENVELOPE)
                        .credentials(new TestCredentials())
                        .throttle(throttle)
                        .requestIds(() -> "request-1")
                        .build())
                .build()
                .start();
    }

    private HttpResponse<String> send(
            CertificateTransferServer to, String method, String path, AccountId caller, String body) {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port() + path))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("Authorization", "Bearer " + TestCredentials.token(caller));
        }
        try {
            return http.send(request.build(), BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(String method, String path, AccountId caller, String body) {
        return send(server, method, path, caller, body);
    }

    private void registerAsAlice(String status) {
        var pem = TestCertificates.pem(0).replace("\n", "\\n");
        assertThat(send(
                                "POST",
                                "/certificate/register-no-ca",
                                Accounts.ALICE,
                                "{\"certificatePem\":\"" + pem + "\",\"status\":\"" + status + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private void transferToBob() {
        assertThat(send("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + BOB, Accounts.ALICE, null)
                        .statusCode())
                .isEqualTo(200);
    }

    private static void answers(HttpResponse<String> response, int status, String json) {
        assertThat(response.body()).isEqualTo(json);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-request-id")).contains("request-1");
    }

    private static String error(String code, String message) {
        return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    @Nested
    class Successes {

        @Test
        void register_answers_the_arn_and_the_id() {
            var pem = TestCertificates.pem(0).replace("\n", "\\n");

            answers(
                    send("POST", "/certificate/register-no-ca", Accounts.ALICE, "{\"certificatePem\":\"" + pem + "\"}"),
                    200,
                    "{\"success\":true,\"data\":{\"certificateArn\":\"arn:aws:iot:us-east-1:" + ALICE + ":cert/" + ID
                            + "\",\"certificateId\":\"" + ID + "\"}}");
        }

        @Test
        void cancel_answers_the_id_status_and_ownership_after_the_change() {
            registerAsAlice("INACTIVE");
            transferToBob();

            answers(
                    send("PATCH", "/cancel-certificate-transfer/" + ID, Accounts.ALICE, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificateId\":\"" + ID
                            + "\",\"status\":\"INACTIVE\",\"ownedBy\":\"" + ALICE + "\"}}");
        }

        @Test
        void accept_answers_the_new_owner_and_the_previous_one() {
            registerAsAlice("INACTIVE");
            transferToBob();

            answers(
                    send("PATCH", "/accept-certificate-transfer/" + ID + "?setAsActive=true", Accounts.BOB, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificateId\":\"" + ID + "\",\"status\":\"ACTIVE\",\"ownedBy\":\""
                            + BOB + "\",\"previousOwnedBy\":\"" + ALICE + "\"}}");
        }

        @Test
        void transfer_answers_the_arn_under_the_target_and_the_pending_certificate() {
            registerAsAlice("INACTIVE");

            answers(
                    send(
                            "PATCH",
                            "/transfer-certificate/" + ID + "?targetAwsAccount=" + BOB,
                            Accounts.ALICE,
                            "{\"transferMessage\":\"hi\"}"),
                    200,
                    "{\"success\":true,\"data\":{\"transferredCertificateArn\":\"arn:aws:iot:us-east-1:" + BOB
                            + ":cert/"
                            + ID + "\",\"certificateId\":\"" + ID + "\",\"status\":\"PENDING_TRANSFER\",\"ownedBy\":\""
                            + ALICE + "\"}}");
        }

        @Test
        void describe_answers_the_full_description() {
            registerAsAlice("INACTIVE");
            var pem = TestCertificates.parsed(0).pem().value().replace("\n", "\\n");
            var validity = TestCertificates.parsed(0).validity();

            answers(
                    send("GET", "/certificates/" + ID, Accounts.ALICE, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificateDescription\":"
                            + "{\"certificateArn\":\"arn:aws:iot:us-east-1:"
                            + ALICE + ":cert/" + ID + "\",\"certificateId\":\"" + ID + "\",\"status\":\"INACTIVE\","
                            + "\"certificatePem\":\"" + pem + "\",\"ownedBy\":\"" + ALICE + "\",\"creationDate\":" + AT
                            + ",\"lastModifiedDate\":" + AT + ",\"customerVersion\":1,\"transferData\":{},"
                            + "\"validity\":{\"notBefore\":"
                            + Json.timestamp(validity.notBefore()).toPlainString()
                            + ",\"notAfter\":"
                            + Json.timestamp(validity.notAfter()).toPlainString() + "},"
                            + "\"certificateMode\":\"SNI_ONLY\"}}}");
        }

        @Test
        void delete_answers_the_deleted_id_and_update_the_new_status() {
            registerAsAlice("ACTIVE");

            answers(
                    send("PUT", "/certificates/" + ID + "?newStatus=INACTIVE", Accounts.ALICE, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificateId\":\"" + ID
                            + "\",\"status\":\"INACTIVE\",\"ownedBy\":\"" + ALICE + "\"}}");
            answers(
                    send("DELETE", "/certificates/" + ID, Accounts.ALICE, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificateId\":\"" + ID + "\"}}");
        }

        @Test
        void the_listings_answer_their_items_without_a_marker_on_the_last_page() {
            registerAsAlice("INACTIVE");
            transferToBob();

            answers(
                    send("GET", "/certificates", Accounts.BOB, null),
                    200,
                    "{\"success\":true,\"data\":{\"certificates\":[{\"certificateArn\":\"arn:aws:iot:us-east-1:" + ALICE
                            + ":cert/" + ID + "\",\"certificateId\":\"" + ID + "\",\"status\":\"PENDING_TRANSFER\","
                            + "\"certificateMode\":\"SNI_ONLY\",\"creationDate\":" + AT + "}]}}");
            answers(
                    send("GET", "/certificates-out-going", Accounts.ALICE, null),
                    200,
                    "{\"success\":true,\"data\":{\"outgoingCertificates\":[{\"certificateArn\":\"arn:aws:iot:us-east-1:"
                            + ALICE + ":cert/" + ID + "\",\"certificateId\":\"" + ID + "\",\"transferredTo\":\"" + BOB
                            + "\",\"transferDate\":" + AT + ",\"creationDate\":" + AT + "}]}}");
        }
    }

    @Nested
    class Errors {

        @Test
        void validation_error() {
            answers(
                    send("GET", "/certificates/abc", Accounts.ALICE, null),
                    400,
                    error("VALIDATION_ERROR", "Invalid certificate id: expected 64 hexadecimal characters"));
            answers(
                    send("POST", "/certificate/register-no-ca", Accounts.ALICE, "{\"certificatePem\":7}"),
                    400,
                    error("VALIDATION_ERROR", "certificatePem must be a string"));
        }

        @Test
        void unauthorized_without_a_token_or_with_an_unknown_one() {
            var missing = send("GET", "/certificates", null, null);
            answers(
                    missing,
                    401,
                    error("UNAUTHORIZED", "The request must carry one Authorization: Bearer <token> header"));
            assertThat(missing.headers().firstValue("www-authenticate")).contains("Bearer");
            answers(
                    send("GET", "/certificates", new AccountId("999999999999"), null),
                    401,
                    error("UNAUTHORIZED", "The bearer token is not recognised"));
        }

        @Test
        void unauthorized_for_the_wrong_role() {
            registerAsAlice("INACTIVE");
            transferToBob();

            answers(
                    send("PATCH", "/cancel-certificate-transfer/" + ID, Accounts.BOB, null),
                    401,
                    error("UNAUTHORIZED", "Only the transfer source account may cancel the transfer"));
        }

        @Test
        void not_found() {
            answers(
                    send("GET", "/certificates/" + ID, Accounts.ALICE, null),
                    404,
                    error("NOT_FOUND", "The certificate " + ID + " does not exist"));
        }

        @Test
        void certificate_state() {
            registerAsAlice("ACTIVE");

            answers(
                    send("DELETE", "/certificates/" + ID, Accounts.ALICE, null),
                    406,
                    error(
                            "CERTIFICATE_STATE",
                            "Certificate must be deactivated (not ACTIVE) before deletion. Id: " + ID));
        }

        @Test
        void transfer_conflict_and_delete_conflict() {
            registerAsAlice("INACTIVE");
            fixture.attachments.put(TestCertificates.id(0), new Attachments(1, 0));

            answers(
                    send("PATCH", "/transfer-certificate/" + ID + "?targetAwsAccount=" + BOB, Accounts.ALICE, null),
                    409,
                    error(
                            "TRANSFER_CONFLICT",
                            "The certificate " + ID + " cannot be transferred while policies or things are attached"));
            answers(
                    send("DELETE", "/certificates/" + ID, Accounts.ALICE, null),
                    409,
                    error(
                            "DELETE_CONFLICT",
                            "Policies are attached to the certificate " + ID + "; detach them or use forceDelete"));
        }

        @Test
        void transfer_already_completed() {
            registerAsAlice("INACTIVE");
            transferToBob();
            send("PATCH", "/reject-certificate-transfer/" + ID, Accounts.BOB, "{}");

            answers(
                    send("PATCH", "/cancel-certificate-transfer/" + ID, Accounts.ALICE, null),
                    410,
                    error(
                            "TRANSFER_ALREADY_COMPLETED",
                            "The transfer of certificate " + ID + " is already complete (rejected)"));
        }

        @Test
        void already_exists() {
            registerAsAlice("INACTIVE");
            var pem = TestCertificates.pem(0).replace("\n", "\\n");

            answers(
                    send("POST", "/certificate/register-no-ca", Accounts.BOB, "{\"certificatePem\":\"" + pem + "\"}"),
                    409,
                    error("ALREADY_EXISTS", "The certificate " + ID + " is already registered"));
        }

        @Test
        void limit_exceeded() {
            var limited = new HttpFixture(CLOCK, new AccountQuota(1, AccountQuota.UNLIMITED));
            try (var server = start(limited.service, Throttle.off())) {
                var pem = TestCertificates.pem(0).replace("\n", "\\n");
                var another = TestCertificates.pem(1).replace("\n", "\\n");
                send(
                        server,
                        "POST",
                        "/certificate/register-no-ca",
                        Accounts.ALICE,
                        "{\"certificatePem\":\"" + pem + "\"}");

                answers(
                        send(
                                server,
                                "POST",
                                "/certificate/register-no-ca",
                                Accounts.ALICE,
                                "{\"certificatePem\":\"" + another + "\"}"),
                        410,
                        error(
                                "LIMIT_EXCEEDED",
                                "The account's quota is 1 certificate(s) and it owns 1;"
                                        + " delete one before adding another"));
            }
        }

        @Test
        void throttled() {
            try (var throttled = start(fixture.service, Throttle.perAccount(1, () -> 0L))) {
                send(throttled, "GET", "/certificates", Accounts.ALICE, null);

                answers(
                        send(throttled, "GET", "/certificates", Accounts.ALICE, null),
                        400,
                        error("THROTTLED", "Rate exceeded"));
            }
        }

        @Test
        void internal() {
            var failing = (CertificateTransferUseCases) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {CertificateTransferUseCases.class},
                    (proxy, method, args) -> {
                        throw new IllegalStateException("the database is down");
                    });
            try (var broken = start(failing, Throttle.off())) {
                answers(
                        send(broken, "GET", "/certificates", Accounts.ALICE, null),
                        500,
                        error("INTERNAL", "An unexpected error has occurred."));
            }
        }

        @Test
        void an_unknown_path_and_a_wrong_method_in_the_envelope_format() {
            answers(send("GET", "/nowhere", Accounts.ALICE, null), 404, error("NOT_FOUND", "Not Found"));
            var wrong = send("PATCH", "/certificates", Accounts.ALICE, null);
            answers(wrong, 405, error("VALIDATION_ERROR", "Method PATCH is not allowed here"));
            assertThat(wrong.headers().firstValue("allow")).contains("GET, POST");
        }
    }
}
