package dev.certificatetransfer.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TickingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The Jetty binding at the edge: large bodies refused unread, Jetty's own errors in the dialect, a graceful stop. */
class EdgeTest {

    private final HttpFixture fixture = new HttpFixture(new TickingClock());
    private CertificateTransferServer server = start(fixture.service);

    /** A server whose close() waits up to a minute for requests in flight: far longer than any test here holds one. */
    private static CertificateTransferServer start(CertificateTransferUseCases service) {
        return CertificateTransferServer.builder()
                .api(HttpFixture.api(service, Dialect.AWS, TestAuthenticators.trustingTestAccountHeader()))
                .stopTimeout(Duration.ofMinutes(1))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends the bytes, then reads one response head and as much body as it declares, within five seconds. */
    private String exchange(String... parts) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5_000);
            for (String part : parts) {
                socket.getOutputStream().write(part.getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            }
            return readResponse(socket.getInputStream());
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        var text = new StringBuilder();
        while (!text.toString().contains("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        var head = text.toString().toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length: ");
        if (at >= 0) {
            int length = Integer.parseInt(
                    head.substring(at + 16, head.indexOf("\r\n", at)).trim());
            text.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** Waits, up to the deadline, until the port refuses connections: the server has begun to stop. */
    private static void awaitConnectionsRefused(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket(InetAddress.getLoopbackAddress(), port).close();
            } catch (IOException refused) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("port " + port + " still accepts connections after " + timeout);
    }

    private static final String ALICE = "x-test-account: " + Accounts.ALICE.value() + "\r\n";

    @Test
    void a_declared_length_over_64_kib_is_answered_413_without_reading_the_body() throws IOException {
        var response = exchange("POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\n" + ALICE
                + "Content-Length: 100000000\r\n\r\n{\"certificatePem\":\"");

        assertThat(response)
                .startsWith("HTTP/1.1 413 ")
                .contains("x-amzn-ErrorType: RequestEntityTooLargeException")
                .containsIgnoringCase("connection: close")
                .contains("{\"message\":");
    }

    @Test
    void a_chunked_body_is_refused_413_once_it_passes_64_kib_without_waiting_for_its_end() throws IOException {
        var chunk = Integer.toHexString(16 * 1024) + "\r\n" + "x".repeat(16 * 1024) + "\r\n";

        var response = exchange(
                "POST /certificate/register-no-ca HTTP/1.1\r\nHost: x\r\n" + ALICE
                        + "Transfer-Encoding: chunked\r\n\r\n",
                chunk.repeat(5));

        assertThat(response).startsWith("HTTP/1.1 413 ").contains("x-amzn-ErrorType: RequestEntityTooLargeException");
    }

    @Test
    void requests_jetty_cannot_parse_get_the_dialects_error_format() throws IOException {
        assertThat(exchange("GARBAGE\r\n\r\n"))
                .startsWith("HTTP/1.1 400 ")
                .contains("x-amzn-ErrorType: InvalidRequestException")
                .contains("x-amzn-RequestId: ")
                .contains("{\"message\":");
        assertThat(exchange("GET /certificates HTTP/1.1\r\nHost: x\r\nx-big: " + "a".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431 ")
                .contains("x-amzn-ErrorType: InvalidRequestException");
        assertThat(exchange("GET /certificates HTTP/7.0\r\nHost: x\r\n\r\n"))
                .matches("(?s)HTTP/1.1 4\\d\\d .*")
                .contains("x-amzn-ErrorType: ");
    }

    @Test
    void an_encoded_slash_reaches_the_route_table_inside_its_segment() throws IOException {
        var response = exchange("GET /certificates/ab%2Fcd HTTP/1.1\r\nHost: x\r\n" + ALICE + "\r\n");

        assertThat(response)
                .startsWith("HTTP/1.1 400 ")
                .contains("x-amzn-ErrorType: InvalidRequestException")
                .contains("Invalid certificate id");
    }

    @Test
    void close_lets_a_request_in_flight_finish() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var slow = (CertificateTransferUseCases) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {CertificateTransferUseCases.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("listCertificates")) {
                        entered.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(fixture.service, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        server.close();
        server = start(slow);
        var inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return exchange("GET /certificates HTTP/1.1\r\nHost: x\r\n" + ALICE + "\r\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        int port = server.port();

        var closing = CompletableFuture.runAsync(server::close);
        awaitConnectionsRefused(port, Duration.ofSeconds(10));
        assertThat(closing)
                .as("close() returns only once the request in flight is answered")
                .isNotDone();
        release.countDown();

        assertThat(inFlight.get(5, TimeUnit.SECONDS))
                .startsWith("HTTP/1.1 200 ")
                .contains("{\"certificates\":[]}");
        closing.get(5, TimeUnit.SECONDS);
    }
}
