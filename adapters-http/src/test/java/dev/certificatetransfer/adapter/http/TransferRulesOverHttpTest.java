package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.adapter.transferrule.AllowListTransferRule;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;
import software.amazon.awssdk.services.iot.model.UnauthorizedException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;

/**
 * docs/behaviour.md, section 14, on the wire, in both dialects: a transfer whose time-to-live ran out answers 410,
 * and a sender the target's allow-list does not name answers 401.
 */
class TransferRulesOverHttpTest {

    private static final Duration TTL = Duration.ofHours(1);
    private static final String REFUSED = "the target account does not accept transfers from this account";

    private final MovableClock clock = new MovableClock(TickingClock.START);
    /** Transfers expire after an hour; Carol accepts certificates from Bob only. */
    private final CertificateTransferService service = CertificateTransferService.builder()
            .repository(new InMemoryCertificateRepository())
            .authorizer(new AllowAuthenticatedAuthorizer())
            .clock(clock)
            .transferExpiry(TransferExpiry.after(TTL))
            .transferRule(AllowListTransferRule.empty().allowing(Accounts.CAROL, Accounts.BOB))
            .build();

    private CertificateTransferServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Nested
    class AwsDialect {

        private IotClient alice;
        private IotClient bob;

        private void start() {
            server = CertificateTransferServer.builder()
                    .api(CertificateTransferHttpApi.builder()
                            .service(service)
                            .dialect(Dialect.AWS)
                            .credentials(new TestCredentials())
                            .build())
                    .port(0)
                    .build()
                    .start();
            alice = SdkClients.client(server.port(), TestCredentials.ALICE_KEY);
            bob = SdkClients.client(server.port(), TestCredentials.BOB_KEY);
        }

        @AfterEach
        void closeClients() {
            List.of(alice, bob).forEach(IotClient::close);
        }

        private String registeredByAlice(int index) {
            return alice.registerCertificateWithoutCA(r -> r.certificatePem(TestCertificates.pem(index)))
                    .certificateId();
        }

        @Test
        void accepting_an_expired_transfer_answers_410_the_transfer_expired() {
            start();
            var id = registeredByAlice(0);
            alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount(Accounts.BOB.value()));
            clock.advance(TTL);

            var error = catchThrowableOfType(
                    TransferAlreadyCompletedException.class,
                    () -> bob.acceptCertificateTransfer(r -> r.certificateId(id)));

            assertThat(error).isNotNull();
            assertThat(error.statusCode()).isEqualTo(410);
            assertThat(error.awsErrorDetails().errorMessage()).contains("the transfer expired");
        }

        @Test
        void a_sender_the_target_does_not_accept_answers_401() {
            start();
            var id = registeredByAlice(0);

            var error = catchThrowableOfType(
                    UnauthorizedException.class,
                    () -> alice.transferCertificate(r -> r.certificateId(id).targetAwsAccount(Accounts.CAROL.value())));

            assertThat(error).isNotNull();
            assertThat(error.statusCode()).isEqualTo(401);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(REFUSED);
        }
    }

    @Nested
    class EnvelopeDialect {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String id = TestCertificates.id(0).value();

        private void start() {
            server = CertificateTransferServer.builder()
                    .api(CertificateTransferHttpApi.builder()
                            .service(service)
                            .dialect(Dialect.ENVELOPE)
                            .credentials(new TestCredentials())
                            .build())
                    .build()
                    .start();
            var pem = TestCertificates.pem(0).replace("\n", "\\n");
            assertThat(send(
                                    "POST",
                                    "/certificate/register-no-ca",
                                    Accounts.ALICE,
                                    "{\"certificatePem\":\"" + pem + "\"}")
                            .statusCode())
                    .isEqualTo(200);
        }

        private HttpResponse<String> send(String method, String path, AccountId caller, String body) {
            var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + TestCredentials.token(caller));
            try {
                return http.send(request.build(), BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Test
        void accepting_an_expired_transfer_answers_410_the_transfer_expired() {
            start();
            assertThat(send(
                                    "PATCH",
                                    "/transfer-certificate/" + id + "?targetAwsAccount=" + Accounts.BOB.value(),
                                    Accounts.ALICE,
                                    null)
                            .statusCode())
                    .isEqualTo(200);
            clock.advance(TTL);

            var response = send("PATCH", "/accept-certificate-transfer/" + id, Accounts.BOB, null);

            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(response.body())
                    .isEqualTo("{\"success\":false,\"error\":{\"code\":\"TRANSFER_ALREADY_COMPLETED\","
                            + "\"message\":\"The transfer of certificate " + id
                            + " is already complete (the transfer expired)\"}}");
        }

        @Test
        void a_sender_the_target_does_not_accept_answers_401() {
            start();
            var response = send(
                    "PATCH",
                    "/transfer-certificate/" + id + "?targetAwsAccount=" + Accounts.CAROL.value(),
                    Accounts.ALICE,
                    null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body())
                    .isEqualTo("{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"" + REFUSED
                            + "\"}}");
        }
    }
}
