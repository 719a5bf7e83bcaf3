package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one debug line per request: request id, method, path, operation, account, status, error type and time. It
 * never holds a header or a body, so never a credential; the path is cut short and its control characters escaped.
 */
final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("dev.certificatetransfer.adapter.http.requests");
    private static final int MAX_PATH = 160;

    private final HttpRequest request;
    private final String requestId;
    private final long started;
    private Option<Operation> operation = Option.none();
    private Option<Principal> caller = Option.none();

    RequestLog(HttpRequest request, String requestId, long started) {
        this.request = request;
        this.requestId = requestId;
        this.started = started;
    }

    void operation(Operation operation) {
        this.operation = Option.some(operation);
    }

    void caller(Principal caller) {
        this.caller = Option.some(caller);
    }

    void finish(HttpResponse response) {
        if (LOG.isDebugEnabled()) {
            var errorType = response.header(AwsFormat.ERROR_TYPE)
                    .map(type -> " " + type)
                    .getOrElse("");
            LOG.debug(
                    "{} {} {} op={} account={} -> {}{} in {} us",
                    requestId,
                    printable(request.method()),
                    printable(request.rawPath()),
                    operation.map(Operation::awsName).getOrElse("-"),
                    caller.map(principal -> principal.account().value()).getOrElse("-"),
                    response.status(),
                    errorType,
                    (System.nanoTime() - started) / 1000);
        }
    }

    /** At most 160 characters, with control and non-ASCII characters escaped, so a log line stays one line. */
    static String printable(String text) {
        var out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_PATH; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return text.length() > MAX_PATH ? out + "..." : out.toString();
    }
}
