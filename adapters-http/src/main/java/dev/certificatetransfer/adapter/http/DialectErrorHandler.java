package dev.certificatetransfer.adapter.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Writes the errors Jetty raises itself (a request line or header it cannot parse, headers too large, a body that
 * does not arrive in time) in the dialect's format instead of Jetty's HTML page, so a client always gets the error
 * shape it expects. Each says {@code Connection: close}: Jetty closes the connection after such an error, and a
 * client that was not told would send its next request into the closed connection.
 */
final class DialectErrorHandler extends ErrorHandler {

    private final CertificateTransferHttpApi api;

    DialectErrorHandler(CertificateTransferHttpApi api) {
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = status(request);
        String message = switch (status) {
            case 503 -> "The server is shutting down";
            case 408 -> "The request body did not arrive in time";
            default -> "The request could not be read";
        };
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        JettyBinding.write(api.protocolError(status, message), response, callback);
        return true;
    }

    private static int status(Request request) {
        return request.getAttribute(ERROR_STATUS) instanceof Integer status ? status : 400;
    }
}
