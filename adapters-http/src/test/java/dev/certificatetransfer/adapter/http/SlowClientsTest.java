package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.SigV4Authenticator;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Slow and hostile clients against a real socket: a request is refused from its head before its body is read, a
 * body that is still arriving holds no thread, {@code 100 Continue} comes only after the head's checks, and an
 * answer sent over an unread body closes the connection.
 */
class SlowClientsTest {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private final List<Socket> sockets = new ArrayList<>();
    private CertificateTransferServer server;

    @AfterEach
    void stop() throws IOException {
        for (var socket : sockets) {
            socket.close();
        }
        server.close();
    }

    /** A server that verifies Signature Version 4 with the test accounts' keys, counting the heads it checked. */
    private CertificateTransferServer start(
            Authenticator authenticator, boolean nonBlocking, Duration readTimeout, long minBodyRate) {
        server = CertificateTransferServer.builder()
                .api(HttpFixture.api(fixture.service, Dialect.AWS, authenticator))
                .threads(2)
                .maxQueuedRequests(256) // room for every connection's first task: only the threads are few
                .maxConnections(500)
                .readTimeout(readTimeout)
                .minBodyRate(minBodyRate)
                .nonBlockingService(nonBlocking)
                .build()
                .start();
        return server;
    }

    private static SigV4Authenticator sigV4() {
        return new SigV4Authenticator(new TestCredentials(), Region.US_EAST_1, Clock.systemUTC());
    }

    private Socket connect() throws IOException {
        var socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout(10_000);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** A head that passes every check the head allows (a known key, a fresh date) but whose signature is made up. */
    private static String signedLookingHead(String method, String path, String extraHeaders) {
        var now = java.time.Instant.now();
        return method + " " + path + " HTTP/1.1\r\nHost: x\r\nx-amz-date: " + AMZ_DATE.format(now) + "\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=" + TestCredentials.ALICE_KEY + "/"
                + AMZ_DATE.format(now).substring(0, 8) + "/us-east-1/iot/aws4_request, SignedHeaders=host;x-amz-date,"
                + " Signature=" + "0".repeat(64) + "\r\n" + extraHeaders + "\r\n";
    }

    /** One response head and as much body as it declares; the head's lines are kept, lower-cased names. */
    private static String readResponse(InputStream in) throws IOException {
        var text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed after: " + text);
            }
            text.append((char) b);
        }
        var head = text.toString().toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length: ");
        if (at >= 0) {
            int length = Integer.parseInt(
                    head.substring(at + 16, head.indexOf("\r\n", at)).trim());
            text.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Nested
    class Bodies_still_arriving_hold_no_thread {

        @Test
        void with_a_blocking_service() throws Exception {
            moreSlowBodiesThanThreads(false);
        }

        @Test
        void with_a_non_blocking_service() throws Exception {
            moreSlowBodiesThanThreads(true);
        }

        /**
         * Forty connections whose heads pass (a known key, a fresh date) and whose 60000-byte bodies never come, and
         * forty with no credentials at all, on a server of two worker threads: a signed describe by the AWS SDK and
         * GET /health each answer within a second, and the slow ones are still waiting, unanswered.
         */
        private void moreSlowBodiesThanThreads(boolean nonBlocking) throws Exception {
            int slow = 40;
            var headsChecked = new CountDownLatch(slow);
            var sigV4 = sigV4();
            start(
                    new Authenticator() {
                        @Override
                        public Either<AuthenticationRefusal, Principal> authenticate(HttpRequest request) {
                            return sigV4.authenticate(request);
                        }

                        @Override
                        public Either<AuthenticationRefusal, BodyCheck> authenticateHead(HttpRequest head) {
                            var check = sigV4.authenticateHead(head);
                            headsChecked.countDown();
                            return check;
                        }
                    },
                    nonBlocking,
                    Duration.ofMinutes(1),
                    1);
            var waiting = new ArrayList<Socket>();
            for (int i = 0; i < slow; i++) {
                var socket = connect();
                send(
                        socket,
                        signedLookingHead("POST", "/certificate/register-no-ca", "Content-Length: 60000\r\n") + "{");
                waiting.add(socket);
                send(
                        connect(),
                        "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n{");
            }
            assertThat(headsChecked.await(10, TimeUnit.SECONDS))
                    .as("every slow head was checked: none waits for a thread that a slow body holds")
                    .isTrue();

            try (var alice = SdkClients.client(server.port(), TestCredentials.ALICE_KEY)) {
                assertThatThrownBy(() -> alice.describeCertificate(r -> r.certificateId("a".repeat(64))
                                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(1)))))
                        .isInstanceOf(ResourceNotFoundException.class);
            }
            var health = HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + server.port() + "/health"))
                                    .timeout(Duration.ofSeconds(1))
                                    .build(),
                            BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            for (var socket : waiting) {
                assertThat(socket.getInputStream().available())
                        .as("a body still arriving is not answered")
                        .isZero();
            }
        }
    }

    @Nested
    class Refused_from_the_head {

        @Test
        void an_unauthenticated_request_is_refused_while_the_client_has_sent_only_its_head() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var socket = connect();
            send(socket, "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n");

            assertThat(readResponse(socket.getInputStream()))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: MissingAuthenticationTokenException")
                    .containsIgnoringCase("connection: close");
            assertThat(socket.getInputStream().read())
                    .as("the connection is closed after the answer")
                    .isEqualTo(-1);
        }

        @Test
        void an_unknown_key_a_stale_date_and_an_unknown_path_are_refused_before_the_body() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var unknownKey = signedLookingHead("POST", "/certificate/register-no-ca", "Content-Length: 100\r\n")
                    .replace(TestCredentials.ALICE_KEY, "AKIDNOBODY0000000000");
            var stale = signedLookingHead("POST", "/certificate/register-no-ca", "Content-Length: 100\r\n")
                    .replaceAll("x-amz-date: \\d{8}", "x-amz-date: 20200101")
                    .replaceAll("/\\d{8}/us-east-1", "/20200101/us-east-1");

            assertThat(answerToHead(unknownKey))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: UnrecognizedClientException");
            assertThat(answerToHead(stale))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: InvalidSignatureException")
                    .contains("Signature expired");
            assertThat(answerToHead("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n"))
                    .startsWith("HTTP/1.1 404 ");
        }

        private String answerToHead(String head) throws IOException {
            var socket = connect();
            send(socket, head);
            return readResponse(socket.getInputStream());
        }

        @Test
        void expect_100_continue_with_bad_credentials_gets_the_final_answer_and_no_100() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var socket = connect();
            send(
                    socket,
                    signedLookingHead(
                                    "POST",
                                    "/certificate/register-no-ca",
                                    "Content-Length: 2\r\nExpect: 100-continue\r\n")
                            .replace(TestCredentials.ALICE_KEY, "AKIDNOBODY0000000000"));

            assertThat(readResponse(socket.getInputStream()))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: UnrecognizedClientException")
                    .containsIgnoringCase("connection: close");
        }

        @Test
        void expect_100_continue_with_a_head_that_passes_gets_100_then_the_answer_to_its_body() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var socket = connect();
            send(
                    socket,
                    signedLookingHead(
                            "POST", "/certificate/register-no-ca", "Content-Length: 2\r\nExpect: 100-continue\r\n"));

            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 100 ");
            send(socket, "{}");
            assertThat(readResponse(socket.getInputStream()))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("x-amzn-ErrorType: InvalidSignatureException")
                    .contains("signature we calculated does not match");
        }
    }

    @Nested
    class Keep_alive_after_a_refusal {

        /**
         * A refusal sent before the body is read, with the next request pipelined behind a partial body: the
         * answer says Connection: close and the connection closes after it, so the client never reads the rest of
         * the body, or a half answer, as the next response.
         */
        @Test
        void an_answer_over_an_unread_body_says_connection_close_and_the_connection_ends_after_it() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var socket = connect();
            send(
                    socket,
                    "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":"
                            + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

            var in = socket.getInputStream();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 403 ").containsIgnoringCase("connection: close");
            assertThat(in.read()).as("nothing follows the answer").isEqualTo(-1);
        }

        /**
         * Jetty closes the connection after an error it raises itself (a request line or a URI it cannot parse):
         * the answer says so, where it used to look like a keep-alive answer followed by a silent close.
         */
        @Test
        void an_error_jetty_raises_itself_says_connection_close_before_the_connection_ends() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            for (String unreadable : List.of("GARBAGE\r\n\r\n", "GET /nowhere/%zz HTTP/1.1\r\nHost: x\r\n\r\n")) {
                var socket = connect();
                send(socket, unreadable + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

                var in = socket.getInputStream();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 400 ").containsIgnoringCase("connection: close");
                assertThat(in.read())
                        .as("nothing follows the answer to %s", unreadable)
                        .isEqualTo(-1);
            }
        }

        @Test
        void a_refusal_after_the_whole_body_keeps_the_connection_for_the_next_request() throws Exception {
            start(sigV4(), false, Duration.ofMinutes(1), 1);
            var socket = connect();
            send(
                    socket,
                    signedLookingHead("POST", "/certificate/register-no-ca", "Content-Length: 2\r\n") + "{}"
                            + "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

            var in = socket.getInputStream();
            assertThat(readResponse(in))
                    .startsWith("HTTP/1.1 403 ")
                    .contains("InvalidSignatureException")
                    .doesNotContainIgnoringCase("connection: close");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 ").contains("\"status\":\"UP\"");
        }
    }

    @Nested
    class A_body_too_slow {

        @Test
        void is_answered_408_and_its_connection_closed_once_its_deadline_passes() throws Exception {
            // a deadline of 1 s (read timeout) + 60000 bytes at 60000 bytes per second; a byte every 100 ms keeps
            // the connection from ever being idle for the read timeout
            start(sigV4(), false, Duration.ofSeconds(1), 60_000);
            var socket = connect();
            send(socket, signedLookingHead("POST", "/certificate/register-no-ca", "Content-Length: 60000\r\n") + "{");
            var trickle = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        send(socket, " ");
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // the server closed the connection, or the test ended
                }
            });
            trickle.start();
            try {
                var in = socket.getInputStream();
                assertThat(readResponse(in))
                        .startsWith("HTTP/1.1 408 ")
                        .contains("x-amzn-ErrorType: InvalidRequestException")
                        .contains("did not arrive in time");
            } finally {
                trickle.interrupt();
                trickle.join(5_000);
            }
        }
    }

    @Nested
    class Heads_sent_a_byte_at_a_time {

        @Test
        void are_cut_at_the_read_timeout_in_total_so_they_cannot_hold_the_connection_limit() throws Exception {
            // every connection the limit allows trickles a head, a byte every 100 ms: never idle for the read
            // timeout of 1 s, so only a deadline on the whole head frees the slots for anyone else
            server = CertificateTransferServer.builder()
                    .api(HttpFixture.api(fixture.service, Dialect.AWS, sigV4()))
                    .maxConnections(3)
                    .readTimeout(Duration.ofSeconds(1))
                    .build()
                    .start();
            var trickles = new ArrayList<Thread>();
            var slow = new ArrayList<Socket>();
            for (int i = 0; i < 3; i++) {
                var socket = connect();
                slow.add(socket);
                var trickle = new Thread(() -> {
                    try {
                        for (char c : "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ".toCharArray()) {
                            send(socket, String.valueOf(c));
                            Thread.sleep(100);
                        }
                        while (!Thread.currentThread().isInterrupted()) {
                            send(socket, "a");
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException stopped) {
                        // the server closed the connection, or the test ended
                    }
                });
                trickle.start();
                trickles.add(trickle);
            }
            try {
                for (var socket : slow) {
                    socket.setSoTimeout(10_000);
                    assertThat(socket.getInputStream().read())
                            .as("a head still arriving after the read timeout is cut, with no answer")
                            .isEqualTo(-1);
                }
                var health = connect();
                health.setSoTimeout(5_000);
                send(health, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(readResponse(health.getInputStream())).startsWith("HTTP/1.1 200 ");
            } finally {
                trickles.forEach(Thread::interrupt);
                for (var trickle : trickles) {
                    trickle.join(5_000);
                }
            }
        }

        @Test
        void a_keep_alive_connection_gets_a_new_deadline_after_each_answer() throws Exception {
            server = CertificateTransferServer.builder()
                    .api(HttpFixture.api(fixture.service, Dialect.AWS, sigV4()))
                    .readTimeout(Duration.ofSeconds(2))
                    .build()
                    .start();
            var socket = connect();
            var in = socket.getInputStream();
            // four requests on one connection, each 0.9 s after the previous answer: each well within its own
            // deadline, the last past the first one's
            for (int i = 0; i < 4; i++) {
                if (i > 0) {
                    Thread.sleep(900); // the client's think time between requests, not a wait for the server
                }
                send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(readResponse(in)).as("answer %d", i + 1).startsWith("HTTP/1.1 200 ");
            }
        }
    }
}
