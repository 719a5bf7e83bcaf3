package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.HeadCheck;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servlet that feeds the translation layer, as the Jetty binding does: it copies the request (the path as sent
 * after the context path, the query as sent, the headers, the body) into an {@link HttpRequest} and writes the
 * {@link HttpResponse} back. The head is checked first ({@link CertificateTransferHttpApi#checkHead}): what it
 * refuses (a declared length over {@link CertificateTransferHttpApi#MAX_BODY_BYTES}, an unknown key, a stale date,
 * ...) is answered without reading the body, so the container sends no {@code 100 Continue} for it; any other body
 * is read to at most that + 1 bytes, so a chunked body that runs over is refused without being read to its end
 * either. Every method goes to the translation layer, which answers 405 itself.
 */
final class ServletBinding extends HttpServlet {

    private static final byte[] NO_BODY = new byte[0];

    private final transient CertificateTransferHttpApi api;

    ServletBinding(CertificateTransferHttpApi api) {
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var head = new HttpRequest(request.getMethod(), path, request.getQueryString(), headers(request), NO_BODY);
        var check = api.checkHead(head);
        if (check instanceof HeadCheck.Answered answered) {
            write(answered.response(), response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(CertificateTransferHttpApi.MAX_BODY_BYTES + 1);
        } catch (IOException unreadable) {
            var refusal = api.protocolError(400, "The request body could not be read");
            response.setHeader("Connection", "close");
            write(refusal, response);
            return;
        }
        write(((HeadCheck.ReadBody) check).answer(body), response);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static void write(HttpResponse answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }
}
