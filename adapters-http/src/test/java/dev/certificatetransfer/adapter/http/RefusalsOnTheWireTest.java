package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.StoredCertificate;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingRegistryRepository;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iot.IotClient;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every refusal through the wire, in both dialects: the real AWS SDK for Java v2 for the AWS dialect (status and
 * {@code x-amzn-ErrorType}), a raw socket for the envelope (status and {@code error.code}). The expected answers are
 * the tables of docs/behaviour.md#13-on-the-wire, written out here, never read from {@link WireError}: a wrong row in
 * the table makes this test fail.
 */
class RefusalsOnTheWireTest {

    private static final String ID = TestCertificates.id(0).value();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a refusal looks like on the wire. */
    private record Wire(int status, String awsType, String envelopeCode) {}

    /** A refused call: who makes it, with the SDK and as a raw request. */
    private record Call(AccountId caller, Consumer<IotClient> sdk, String method, String target, String body) {}

    private final RecordingEventPublisher events = new RecordingEventPublisher();
    private final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    private final Map<CertificateId, Attachments> attachments = new ConcurrentHashMap<>();
    /** When set, every commit loses its compare-and-set, as if another writer always won the race. */
    private final AtomicBoolean everyRaceLost = new AtomicBoolean();

    private final CertificateTransferService service = CertificateTransferService.builder()
            .repository(new RacingRepository())
            .authorizer(new AllowAuthenticatedAuthorizer())
            .clock(new TickingClock())
            .attachments(id -> attachments.getOrDefault(id, Attachments.NONE))
            .accountQuota(new AccountQuota(1, AccountQuota.UNLIMITED))
            .build();
    private final List<CertificateTransferServer> servers = new ArrayList<>();

    /** The in-memory repository, registry included, whose commits all lose while {@link #everyRaceLost} is set. */
    private final class RacingRepository extends ForwardingRegistryRepository {

        RacingRepository() {
            super(repository);
        }

        @Override
        public CommitOutcome commit(CertificateChange change) {
            return everyRaceLost.get() ? CommitOutcome.CONFLICT : super.commit(change);
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(CertificateTransferServer::close);
    }

    private CertificateTransferServer serve(CertificateTransferUseCases on, Dialect dialect, Throttle throttle) {
        var server = CertificateTransferServer.builder()
                .api(CertificateTransferHttpApi.builder()
                        .service(on)
                        .dialect(dialect)
                        .credentials(new TestCredentials())
                        .throttle(throttle)
                        .build())
                .build()
                .start();
        servers.add(server);
        return server;
    }

    /** The documented answer of each refusal code (docs/behaviour.md#13-on-the-wire). */
    private static Wire documented(RefusalCode code) {
        return switch (code) {
            case INVALID_REQUEST -> new Wire(400, "InvalidRequestException", "VALIDATION_ERROR");
            case CERTIFICATE_VALIDATION -> new Wire(400, "CertificateValidationException", "VALIDATION_ERROR");
            case UNAUTHORIZED -> new Wire(401, "UnauthorizedException", "UNAUTHORIZED");
            case NOT_FOUND -> new Wire(404, "ResourceNotFoundException", "NOT_FOUND");
            case CERTIFICATE_STATE -> new Wire(406, "CertificateStateException", "CERTIFICATE_STATE");
            case TRANSFER_CONFLICT -> new Wire(409, "TransferConflictException", "TRANSFER_CONFLICT");
            case DELETE_CONFLICT -> new Wire(409, "DeleteConflictException", "DELETE_CONFLICT");
            case ALREADY_EXISTS -> new Wire(409, "ResourceAlreadyExistsException", "ALREADY_EXISTS");
            case TRANSFER_ALREADY_COMPLETED ->
                new Wire(410, "TransferAlreadyCompletedException", "TRANSFER_ALREADY_COMPLETED");
            case THROTTLED -> new Wire(400, "ThrottlingException", "THROTTLED");
            case LIMIT_EXCEEDED -> new Wire(410, "LimitExceededException", "LIMIT_EXCEEDED");
            case MALFORMED_POLICY -> new Wire(400, "MalformedPolicyException", "VALIDATION_ERROR");
            case VERSION_CONFLICT -> new Wire(409, "VersionConflictException", "VERSION_CONFLICT");
        };
    }

    /** Sets the stored state up for a call that the service refuses with the code, and returns the call. */
    private Call refusedWith(RefusalCode code) {
        return switch (code) {
            case INVALID_REQUEST ->
                new Call(
                        Accounts.ALICE,
                        c -> c.describeCertificate(r -> r.certificateId("abc")),
                        "GET",
                        "/certificates/abc",
                        "");
            case CERTIFICATE_VALIDATION ->
                new Call(
                        Accounts.ALICE,
                        c -> c.registerCertificateWithoutCA(r -> r.certificatePem("not a certificate")),
                        "POST",
                        "/certificate/register-no-ca",
                        "{\"certificatePem\":\"not a certificate\"}");
            case UNAUTHORIZED -> {
                pendingFromAliceToBob();
                yield cancel(Accounts.BOB);
            }
            case NOT_FOUND ->
                new Call(
                        Accounts.ALICE,
                        c -> c.describeCertificate(r -> r.certificateId(ID)),
                        "GET",
                        "/certificates/" + ID,
                        "");
            case CERTIFICATE_STATE -> {
                registeredByAlice(CertificateStatus.ACTIVE);
                yield transferToBob();
            }
            case TRANSFER_CONFLICT -> {
                registeredByAlice(CertificateStatus.INACTIVE);
                attachments.put(TestCertificates.id(0), new Attachments(1, 0));
                yield transferToBob();
            }
            case DELETE_CONFLICT -> {
                registeredByAlice(CertificateStatus.INACTIVE);
                attachments.put(TestCertificates.id(0), new Attachments(0, 1));
                yield new Call(
                        Accounts.ALICE,
                        c -> c.deleteCertificate(r -> r.certificateId(ID)),
                        "DELETE",
                        "/certificates/" + ID,
                        "");
            }
            case ALREADY_EXISTS -> {
                registeredByAlice(CertificateStatus.INACTIVE);
                var pem = TestCertificates.pem(0);
                yield new Call(
                        Accounts.BOB,
                        c -> c.registerCertificateWithoutCA(r -> r.certificatePem(pem)),
                        "POST",
                        "/certificate/register-no-ca",
                        "{\"certificatePem\":\"" + pem.replace("\n", "\\n") + "\"}");
            }
            case TRANSFER_ALREADY_COMPLETED -> {
                pendingFromAliceToBob();
                service.acceptCertificateTransfer(Principal.root(Accounts.BOB), TestCertificates.id(0), false)
                        .get();
                yield cancel(Accounts.ALICE);
            }
            case THROTTLED -> {
                registeredByAlice(CertificateStatus.INACTIVE);
                everyRaceLost.set(true);
                yield new Call(
                        Accounts.ALICE,
                        c -> c.updateCertificate(r -> r.certificateId(ID).newStatus("ACTIVE")),
                        "PUT",
                        "/certificates/" + ID + "?newStatus=ACTIVE",
                        "");
            }
            case LIMIT_EXCEEDED -> {
                registeredByAlice(CertificateStatus.INACTIVE);
                var another = TestCertificates.pem(1);
                yield new Call(
                        Accounts.ALICE,
                        c -> c.registerCertificateWithoutCA(r -> r.certificatePem(another)),
                        "POST",
                        "/certificate/register-no-ca",
                        "{\"certificatePem\":\"" + another.replace("\n", "\\n") + "\"}");
            }
            case MALFORMED_POLICY ->
                new Call(
                        Accounts.ALICE,
                        c -> c.createPolicy(r -> r.policyName("devices").policyDocument("[]")),
                        "POST",
                        "/policies/devices",
                        "{\"policyDocument\":\"[]\"}");
            case VERSION_CONFLICT -> {
                service.createThing(Principal.root(Accounts.ALICE), new ThingName("sensor"), ThingAttributes.NONE)
                        .get();
                yield new Call(
                        Accounts.ALICE,
                        c -> c.deleteThing(r -> r.thingName("sensor").expectedVersion(7L)),
                        "DELETE",
                        "/things/sensor?expectedVersion=7",
                        "");
            }
        };
    }

    /** What storage holds for every test certificate id. */
    private List<StoredCertificate> stored() {
        return java.util.stream.IntStream.range(0, TestCertificates.COUNT)
                .mapToObj(i -> repository.find(TestCertificates.id(i)))
                .toList();
    }

    private void registeredByAlice(CertificateStatus status) {
        service.registerCertificateWithoutCa(Principal.root(Accounts.ALICE), TestCertificates.parsed(0), status)
                .get();
    }

    private void pendingFromAliceToBob() {
        registeredByAlice(CertificateStatus.INACTIVE);
        service.transferCertificate(Principal.root(Accounts.ALICE), TestCertificates.id(0), Accounts.BOB, Option.none())
                .get();
    }

    private static Call cancel(AccountId caller) {
        return new Call(
                caller,
                c -> c.cancelCertificateTransfer(r -> r.certificateId(ID)),
                "PATCH",
                "/cancel-certificate-transfer/" + ID,
                "");
    }

    private static Call transferToBob() {
        return new Call(
                Accounts.ALICE,
                c -> c.transferCertificate(r -> r.certificateId(ID).targetAwsAccount(Accounts.BOB.value())),
                "PATCH",
                "/transfer-certificate/" + ID + "?targetAwsAccount=" + Accounts.BOB.value(),
                "");
    }

    private static String keyOf(AccountId account) {
        return Map.of(
                        Accounts.ALICE,
                        TestCredentials.ALICE_KEY,
                        Accounts.BOB,
                        TestCredentials.BOB_KEY,
                        Accounts.CAROL,
                        TestCredentials.CAROL_KEY)
                .get(account);
    }

    /** What the SDK reports for a refused call: the status and the error type it read from the response. */
    private static String awsAnswer(CertificateTransferServer aws, Call call) {
        try (var client = SdkClients.client(aws.port(), keyOf(call.caller()))) {
            var error = catchThrowableOfType(
                    AwsServiceException.class, () -> call.sdk().accept(client));
            assertThat(error).as("the SDK call is refused").isNotNull();
            assertThat(error.requestId()).isNotBlank();
            return error.statusCode() + " " + error.awsErrorDetails().errorCode();
        }
    }

    /** The status and the envelope's error code, read from a raw response. */
    private static String envelopeAnswer(RawResponse response) {
        assertThat(response.header("x-request-id")).isNotBlank();
        try {
            var json = JSON.readTree(response.body());
            assertThat(json.get("success").asBoolean()).as(response.body()).isFalse();
            return response.status() + " " + json.at("/error/code").asText();
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    @ParameterizedTest
    @EnumSource(RefusalCode.class)
    void each_refusal_code_has_its_documented_answer_in_both_dialects_and_changes_nothing(RefusalCode code) {
        var aws = serve(service, Dialect.AWS, Throttle.off());
        var envelope = serve(service, Dialect.ENVELOPE, Throttle.off());
        var call = refusedWith(code);
        List<StoredCertificate> before = stored();
        int eventsBefore = events.events().size();
        var expected = documented(code);

        assertThat(awsAnswer(aws, call)).isEqualTo(expected.status() + " " + expected.awsType());
        assertThat(envelopeAnswer(RawResponse.exchange(
                        envelope.port(),
                        call.method(),
                        call.target(),
                        "Authorization: Bearer " + TestCredentials.token(call.caller()),
                        call.body())))
                .isEqualTo(expected.status() + " " + expected.envelopeCode());

        assertThat(stored()).isEqualTo(before);
        assertThat(events.events()).hasSize(eventsBefore);
    }

    /** The edge's own refusals (docs/behaviour.md#13-on-the-wire, "The edge's own answers"). */
    @Nested
    class AtTheEdge {

        private void answers(
                Dialect dialect, String method, String target, String headers, String body, String expected) {
            var server = serve(service, dialect, Throttle.off());
            var response = RawResponse.exchange(server.port(), method, target, headers, body);
            assertThat(
                            dialect == Dialect.AWS
                                    ? response.status() + " " + response.header("x-amzn-errortype")
                                    : envelopeAnswer(response))
                    .as(response.toString())
                    .isEqualTo(expected);
        }

        @Test
        void a_request_without_credentials_is_not_authenticated() {
            answers(Dialect.AWS, "GET", "/certificates", "", "", "403 MissingAuthenticationTokenException");
            answers(Dialect.ENVELOPE, "GET", "/certificates", "", "", "401 UNAUTHORIZED");
        }

        @Test
        void a_path_of_no_operation_is_not_found() {
            answers(Dialect.AWS, "GET", "/nowhere", "", "", "404 ResourceNotFoundException");
            answers(Dialect.ENVELOPE, "GET", "/nowhere", "", "", "404 NOT_FOUND");
        }

        @Test
        void a_method_the_path_does_not_have_is_not_allowed() {
            answers(Dialect.AWS, "PATCH", "/certificates", "", "", "405 UnknownOperationException");
            answers(Dialect.ENVELOPE, "PATCH", "/certificates", "", "", "405 VALIDATION_ERROR");
        }

        /**
         * The body is declared and never sent: the server answers from the head alone (a client still sending the
         * body when the server closes the connection may see the reset instead of the answer).
         */
        @Test
        void a_body_over_64_kib_is_too_large() {
            var declared = "Content-Length: " + (64 * 1024 + 1);
            answers(
                    Dialect.AWS,
                    "POST",
                    "/certificate/register-no-ca",
                    declared,
                    null,
                    "413 RequestEntityTooLargeException");
            answers(Dialect.ENVELOPE, "POST", "/certificate/register-no-ca", declared, null, "413 VALIDATION_ERROR");
            var envelope = serve(service, Dialect.ENVELOPE, Throttle.off());
            assertThat(RawResponse.exchange(envelope.port(), "POST", "/certificate/register-no-ca", declared, null)
                            .body())
                    .isEqualTo("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\","
                            + "\"message\":\"The request body is over 65536 bytes\"}}");
        }

        @Test
        void the_edge_throttle_answers_throttled() {
            var aws = serve(service, Dialect.AWS, Throttle.perAccount(1, () -> 0L));
            var envelope = serve(service, Dialect.ENVELOPE, Throttle.perAccount(1, () -> 0L));
            var list = new Call(Accounts.ALICE, c -> c.listCertificates(r -> {}), "GET", "/certificates", "");
            var bearer = "Authorization: Bearer " + TestCredentials.token(Accounts.ALICE);
            try (var client = SdkClients.client(aws.port(), TestCredentials.ALICE_KEY)) {
                client.listCertificates(r -> {});
            }
            RawResponse.exchange(envelope.port(), "GET", "/certificates", bearer, "");

            assertThat(awsAnswer(aws, list)).isEqualTo("400 ThrottlingException");
            assertThat(envelopeAnswer(RawResponse.exchange(envelope.port(), "GET", "/certificates", bearer, "")))
                    .isEqualTo("400 THROTTLED");
        }

        @Test
        void an_exception_is_an_internal_failure() {
            var failing = (CertificateTransferUseCases) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {CertificateTransferUseCases.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("region")) {
                            return service.region();
                        }
                        throw new IllegalStateException("the database is down");
                    });
            var aws = serve(failing, Dialect.AWS, Throttle.off());
            var envelope = serve(failing, Dialect.ENVELOPE, Throttle.off());
            var list = new Call(Accounts.ALICE, c -> c.listCertificates(r -> {}), "GET", "/certificates", "");

            assertThat(awsAnswer(aws, list)).isEqualTo("500 InternalFailureException");
            assertThat(envelopeAnswer(RawResponse.exchange(
                            envelope.port(),
                            "GET",
                            "/certificates",
                            "Authorization: Bearer " + TestCredentials.token(Accounts.ALICE),
                            "")))
                    .isEqualTo("500 INTERNAL");
        }
    }

    /** One HTTP/1.1 exchange over a plain socket, with {@code Connection: close}: the response is all that follows. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        /**
         * Sends the head, one extra header line (or none) and the body; a null body is left unsent, its
         * {@code Content-Length} then being the caller's.
         */
        static RawResponse exchange(int port, String method, String target, String header, String body) {
            var head = new StringBuilder(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Connection: close\r\n");
            if (!header.isEmpty()) {
                head.append(header).append("\r\n");
            }
            var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                head.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            head.append("\r\n");
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
                return parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError("no answer to " + method + " " + target, e);
            }
        }

        private static RawResponse parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a response head in %s", raw).isPositive();
            var lines = raw.substring(0, end).split("\r\n", -1);
            var headers = new ConcurrentHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ", -1)[1]), headers, raw.substring(end + 4));
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }
}
