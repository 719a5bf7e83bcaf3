package dev.certificatetransfer.examples.http;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * A minimal keep-alive HTTP/1.1 client on one socket, sending signed AWS-dialect requests to a
 * {@link DemoHttpServer} as an SDK would (each request signed when sent) and reading each response whole before the
 * next: no selector thread and no hand-off between threads, so a benchmark measures the server, not the client
 * (the JDK's {@code java.net.http} client spent more time handing each exchange between its threads than the
 * server spent answering it). Fails loudly on any status but 200. One instance per thread; close it when done.
 */
public final class DemoHttpClient implements AutoCloseable {

    private final DemoSigner signer;
    private final String host;
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public DemoHttpClient(DemoHttpServer server) throws IOException {
        this.signer = server.signer();
        this.host = server.host();
        this.socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 4096);
        this.in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    /** DescribeCertificate: the response body (the certificate description's JSON). */
    public String describe(CertificateId id) throws IOException {
        return send("GET", "/certificates/" + id.value(), "");
    }

    /** TransferCertificate to {@code target}. */
    public String transfer(CertificateId id, AccountId target) throws IOException {
        return send("PATCH", "/transfer-certificate/" + id.value(), "targetAwsAccount=" + target.value());
    }

    /** CancelCertificateTransfer. */
    public String cancel(CertificateId id) throws IOException {
        return send("PATCH", "/cancel-certificate-transfer/" + id.value(), "");
    }

    private String send(String method, String path, String query) throws IOException {
        var request = new StringBuilder(512).append(method).append(' ').append(path);
        if (!query.isEmpty()) {
            request.append('?').append(query);
        }
        request.append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        signer.sign(method, path, query, Instant.now())
                .forEach((name, value) ->
                        request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: 0\r\n\r\n");
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return readResponse(method + " " + path);
    }

    private String readResponse(String what) throws IOException {
        String status = line();
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = chunked ? chunkedBody() : new String(in.readNBytes(Math.max(length, 0)), StandardCharsets.UTF_8);
        if (code != 200) {
            throw new IllegalStateException(what + " answered " + code + ": " + body);
        }
        return body;
    }

    private String chunkedBody() throws IOException {
        var body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        var line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
