package dev.certificatetransfer.adapter.http;

import static dev.certificatetransfer.testing.UnicodeStrings.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certificatetransfer.adapter.http.FuzzRequests.Fuzzed;
import dev.certificatetransfer.adapter.http.auth.BearerTokenAuthenticator;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Random requests never get a 5xx, always get a well-formed answer in the dialect's format, and a refused one
 * changes nothing: through the translation layer (many) and over a real socket (fewer).
 */
class FuzzTest {

    private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 403, 404, 405, 406, 409, 410, 413, 414, 431);

    private static final Gen<List<Map.Entry<String, String>>> TEST_ACCOUNT = weighted(List.of(
            Pair.of(
                    6,
                    Generate.pick(Accounts.ALL)
                            .map(a -> List.of(Map.entry(TestAuthenticators.TEST_ACCOUNT, a.value())))),
            Pair.of(1, Generate.constant(List.<Map.Entry<String, String>>of())),
            Pair.of(
                    1,
                    Generate.pick(List.of("12345", "", "１１１１１１１１１１１１", "111111111111 "))
                            .map(v -> List.of(Map.entry(TestAuthenticators.TEST_ACCOUNT, v)))),
            Pair.of(
                    1,
                    Generate.constant(List.of(
                            Map.entry(TestAuthenticators.TEST_ACCOUNT, Accounts.ALICE.value()),
                            Map.entry(TestAuthenticators.TEST_ACCOUNT, Accounts.BOB.value()))))));

    private static final Gen<List<Map.Entry<String, String>>> BEARER = weighted(List.of(
            Pair.of(
                    6,
                    Generate.pick(Accounts.ALL)
                            .map(a -> List.of(Map.entry("authorization", "Bearer " + TestCredentials.token(a))))),
            Pair.of(1, Generate.constant(List.<Map.Entry<String, String>>of())),
            Pair.of(
                    1,
                    Generate.pick(List.of(
                                    "Bearer",
                                    "Bearer ",
                                    "Bearer unknown",
                                    "Basic eDp5",
                                    "bearer token-of-",
                                    "AWS4-HMAC-SHA256 Credential=x"))
                            .map(v -> List.of(Map.entry("authorization", v))))));

    /** A fresh service holding certificates in several states: active, pending, inactive, accepted, rejected. */
    static HttpFixture seeded() {
        var fixture = new HttpFixture(new TickingClock());
        var service = fixture.service;
        var alice = Principal.root(Accounts.ALICE);
        var bob = Principal.root(Accounts.BOB);
        service.registerCertificateWithoutCa(alice, TestCertificates.parsed(0), CertificateStatus.ACTIVE)
                .get();
        for (int i = 1; i <= 4; i++) {
            service.registerCertificateWithoutCa(alice, TestCertificates.parsed(i), CertificateStatus.INACTIVE)
                    .get();
        }
        for (int i : new int[] {1, 3, 4}) {
            service.transferCertificate(alice, TestCertificates.id(i), Accounts.BOB, Option.none())
                    .get();
        }
        service.acceptCertificateTransfer(bob, TestCertificates.id(3), false).get();
        service.rejectCertificateTransfer(bob, TestCertificates.id(4), Option.none())
                .get();
        fixture.attachments.put(TestCertificates.id(2), new Attachments(1, 0));
        service.createThing(alice, new ThingName("sensor-1"), ThingAttributes.NONE)
                .get();
        service.createPolicy(alice, new PolicyName("policy-1"), new PolicyDocument("{}"))
                .get();
        return fixture;
    }

    private static JsonNode json(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }

    /** The invariants of every answer: no 5xx, a request id, JSON, and for a refusal the dialect's error shape. */
    static void wellFormed(Dialect dialect, String method, HttpResponse response) {
        assertThat(response.status()).as(response.toString()).isLessThan(500).isIn(STATUSES);
        assertThat(response.header("content-type").getOrNull()).isEqualTo("application/json");
        assertThat(response.header(dialect == Dialect.AWS ? "x-amzn-RequestId" : "x-request-id")
                        .getOrNull())
                .isNotBlank();
        boolean refused = response.status() != 200;
        if (dialect == Dialect.AWS && refused) {
            assertThat(response.header("x-amzn-ErrorType").getOrNull())
                    .as(response.toString())
                    .matches("[A-Za-z]+");
        }
        if ("HEAD".equals(method) || (dialect == Dialect.AWS && !refused && response.body().length == 0)) {
            return;
        }
        var body = json(response.body());
        assertThat(body.isObject()).isTrue();
        if (dialect == Dialect.AWS && refused) {
            assertThat(body.get("message").isTextual()).as(response.toString()).isTrue();
        } else if (dialect == Dialect.ENVELOPE) {
            assertThat(body.get("success").booleanValue()).isEqualTo(!refused);
            if (refused) {
                assertThat(body.get("error").get("code").textValue())
                        .isIn(
                                "VALIDATION_ERROR",
                                "UNAUTHORIZED",
                                "NOT_FOUND",
                                "CERTIFICATE_STATE",
                                "TRANSFER_CONFLICT",
                                "TRANSFER_ALREADY_COMPLETED",
                                "DELETE_CONFLICT",
                                "ALREADY_EXISTS",
                                "THROTTLED",
                                "LIMIT_EXCEEDED",
                                "VERSION_CONFLICT");
                assertThat(body.get("error").get("message").isTextual()).isTrue();
            } else {
                assertThat(body.get("data").isObject()).isTrue();
            }
        }
    }

    private static void refusedChangesNothing(HttpFixture fixture, Runnable send, HttpResponse[] answer) {
        var before = fixture.snapshot();
        int events = fixture.events.events().size();
        send.run();
        if (answer[0].status() != 200) {
            assertThat(fixture.snapshot()).as("state after %s", answer[0]).isEqualTo(before);
            assertThat(fixture.events.events()).hasSize(events);
        }
    }

    @Nested
    class TranslationLayer {

        private void fuzz(Dialect dialect, Gen<List<Map.Entry<String, String>>> authentication, int examples) {
            var seen = ConcurrentHashMap.<Integer>newKeySet();
            qt().withExamples(examples)
                    .withShrinkCycles(200)
                    .forAll(FuzzRequests.requests(authentication))
                    .checkAssert(fuzzed -> {
                        var fixture = seeded();
                        var api = fixture.api(
                                dialect,
                                dialect == Dialect.AWS
                                        ? TestAuthenticators.trustingTestAccountHeader()
                                        : new BearerTokenAuthenticator(new TestCredentials()));
                        var answer = new HttpResponse[1];
                        refusedChangesNothing(fixture, () -> answer[0] = api.handle(fuzzed.toHttpRequest()), answer);
                        wellFormed(dialect, fuzzed.method(), answer[0]);
                        seen.add(answer[0].status());
                    });
            assertThat(seen)
                    .as("the fuzzer reaches every layer")
                    .contains(200, 400, 404, 405, 406, 409, 410, dialect == Dialect.AWS ? 403 : 401);
        }

        @Test
        void the_aws_dialect_answers_every_request_well_formed_and_a_refusal_changes_nothing() {
            fuzz(Dialect.AWS, TEST_ACCOUNT, 4000);
        }

        @Test
        void the_envelope_dialect_answers_every_request_well_formed_and_a_refusal_changes_nothing() {
            fuzz(Dialect.ENVELOPE, BEARER, 2000);
        }
    }

    @Nested
    class OverTheSocket {

        private void fuzz(Dialect dialect, Gen<List<Map.Entry<String, String>>> authentication, int examples) {
            var fixture = seeded();
            var authenticator = dialect == Dialect.AWS
                    ? TestAuthenticators.trustingTestAccountHeader()
                    : new BearerTokenAuthenticator(new TestCredentials());
            try (var server = CertificateTransferServer.builder()
                    .api(fixture.api(dialect, authenticator))
                    .build()
                    .start()) {
                var seen = ConcurrentHashMap.<Integer>newKeySet();
                qt().withExamples(examples)
                        .withShrinkCycles(50)
                        .forAll(FuzzRequests.requests(authentication))
                        .checkAssert(fuzzed -> {
                            var answer = new HttpResponse[1];
                            refusedChangesNothing(
                                    fixture, () -> answer[0] = RawHttp.send(server.port(), fuzzed), answer);
                            wellFormed(dialect, fuzzed.method(), answer[0]);
                            seen.add(answer[0].status());
                        });
                assertThat(seen).contains(200, 400, 404, 405);
            }
        }

        @Test
        void the_aws_dialect_answers_raw_requests_well_formed() {
            fuzz(Dialect.AWS, TEST_ACCOUNT, 300);
        }

        @Test
        void the_envelope_dialect_answers_raw_requests_well_formed() {
            fuzz(Dialect.ENVELOPE, BEARER, 150);
        }
    }

    /** HTTP/1.1 over a plain socket, so any method, path, header and body bytes can be sent. */
    static final class RawHttp {

        private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding");

        static HttpResponse send(int port, Fuzzed request) {
            var out = new ByteArrayOutputStream();
            var head = new StringBuilder(request.method())
                    .append(' ')
                    .append(request.path().isEmpty() ? "/" : request.path())
                    .append(request.query() == null ? "" : "?" + request.query())
                    .append(" HTTP/1.1\r\n");
            if (request.headers().stream().noneMatch(h -> h.getKey().equalsIgnoreCase("host"))) {
                head.append("Host: localhost\r\n");
            }
            request.headers().stream()
                    .filter(h -> !FRAMING.contains(h.getKey()))
                    .forEach(h -> head.append(h.getKey())
                            .append(": ")
                            .append(h.getValue())
                            .append("\r\n"));
            head.append("Content-Length: ").append(request.body().length).append("\r\nConnection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(request.body());
            try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(out.toByteArray());
                socket.getOutputStream().flush();
                return parse(socket.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new AssertionError("no answer to " + request, e);
            }
        }

        private static HttpResponse parse(byte[] raw) {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(end)
                    .as("a response head in %s", new String(raw, StandardCharsets.UTF_8))
                    .isPositive();
            var lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n", -1);
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            var body = Arrays.copyOfRange(raw, end + 4, raw.length);
            var length = headers.get("content-length");
            if (length != null) {
                body = Arrays.copyOf(body, Math.min(body.length, Integer.parseInt(length)));
            }
            return new HttpResponse(Integer.parseInt(lines[0].split(" ", -1)[1]), headers, body);
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
