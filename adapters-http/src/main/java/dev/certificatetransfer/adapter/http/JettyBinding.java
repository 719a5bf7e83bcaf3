package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Jetty 12 core handler that feeds the translation layer: it copies the request (raw path and query, headers,
 * body) into an {@link HttpRequest} and writes the {@link HttpResponse} back. A body whose declared length is over
 * 64 KiB is answered 413 without being read; any other body is read to at most 64 KiB + 1 bytes, so a chunked body
 * that runs over is refused without being read to its end either.
 */
final class JettyBinding extends Handler.Abstract {

    private static final byte[] NO_BODY = new byte[0];

    private final CertificateTransferHttpApi api;
    private final InvocationType invocationType;

    /** {@code NON_BLOCKING} only when nothing the translation layer calls can block (in-memory storage). */
    JettyBinding(CertificateTransferHttpApi api, InvocationType invocationType) {
        this.api = api;
        this.invocationType = invocationType;
    }

    @Override
    public InvocationType getInvocationType() {
        return invocationType;
    }

    /**
     * Answers on the calling thread; when the service is declared non-blocking (this handler is then called on a
     * selector thread), a request that may carry a body is first handed to the thread pool, where reading it may block.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (invocationType == InvocationType.NON_BLOCKING && mayHaveBody(request)) {
            request.getComponents().getExecutor().execute(() -> answer(request, response, callback));
        } else {
            answer(request, response, callback);
        }
        return true;
    }

    private static boolean mayHaveBody(Request request) {
        return request.getLength() > 0
                || (request.getLength() < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING));
    }

    private void answer(Request request, Response response, Callback callback) {
        var uri = request.getHttpURI();
        var path = uri.getPath() == null ? "" : uri.getPath();
        var headers = headers(request);
        if (request.getLength() > CertificateTransferHttpApi.MAX_BODY_BYTES) {
            write(
                    api.payloadTooLarge(new HttpRequest(request.getMethod(), path, uri.getQuery(), headers, NO_BODY)),
                    response,
                    callback);
            return;
        }
        byte[] body;
        try {
            body = mayHaveBody(request)
                    ? Content.Source.asInputStream(request).readNBytes(CertificateTransferHttpApi.MAX_BODY_BYTES + 1)
                    : NO_BODY;
        } catch (IOException | RuntimeException e) {
            write(
                    withConnectionClose(api.protocolError(400, "The request body could not be read")),
                    response,
                    callback);
            return;
        }
        write(
                api.handle(new HttpRequest(request.getMethod(), path, uri.getQuery(), headers, body)),
                response,
                callback);
    }

    private static Map<String, List<String>> headers(Request request) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>())
                    .add(field.getValue());
        }
        return headers;
    }

    static void write(HttpResponse answer, Response response, Callback callback) {
        response.setStatus(answer.status());
        var headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }

    private static HttpResponse withConnectionClose(HttpResponse response) {
        var headers = new LinkedHashMap<>(response.headers());
        headers.put("Connection", "close");
        return new HttpResponse(response.status(), headers, response.body());
    }
}
