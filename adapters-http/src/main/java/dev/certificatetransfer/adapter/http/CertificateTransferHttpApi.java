package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.BearerTokenAuthenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.auth.SigV4Authenticator;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The translation layer: one {@link HttpRequest} in, one {@link HttpResponse} out, with no server types, in the
 * {@link Dialect} chosen when it is built. {@link CertificateTransferServer} serves it on Jetty; a host with its own
 * HTTP stack calls {@link #checkHead} with the request line and headers, sends the answer it gives or reads the
 * body (at most {@link #MAX_BODY_BYTES} + 1 bytes) for {@link HeadCheck.ReadBody#answer}, and writes the
 * {@link HttpResponse} back; or it reads the body first and calls {@link #handle}.
 *
 * <p>The order in which a request is checked (the declared body size, the route, what authentication decides from
 * the head, then with the body its size and the rest of authentication, the optional {@link Throttle}, the
 * service's own checks) and the answers of both dialects are in docs/behaviour.md#13-on-the-wire. Nothing
 * a client sends gives a 5xx: an exception is a bug or broken infrastructure, answered 500 InternalFailureException
 * / INTERNAL with the request id, and logged. Every response carries a request id; every request gets one debug
 * line (never a header, so never a credential). Besides the operations it answers {@code GET /health} and any
 * {@link Builder#plainTextEndpoint} (a metrics scrape) without authentication. Thread-safe.
 */
public final class CertificateTransferHttpApi {

    /** The largest body accepted: 64 KiB; a larger one is answered 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** The path of the health check, answered in both dialects without authentication. */
    public static final String HEALTH_PATH = "/health";

    private static final Logger LOG = LoggerFactory.getLogger(CertificateTransferHttpApi.class);

    private final CertificateTransferUseCases service;
    private final Dialect dialect;
    private final Format format;
    private final Authenticator authenticator;
    private final Throttle throttle;
    private final Supplier<String> requestIds;
    private final OperationCalls calls;
    private final HealthCheck health;
    private final Map<String, TextEndpoint> textEndpoints;

    private CertificateTransferHttpApi(
            Builder builder, CertificateTransferUseCases service, Dialect dialect, Authenticator authenticator) {
        this.service = service;
        this.dialect = dialect;
        this.authenticator = authenticator;
        this.throttle = builder.throttle;
        this.requestIds = builder.requestIds;
        this.format = Format.of(dialect);
        this.calls = new OperationCalls(service, dialect);
        this.health = builder.health;
        this.textEndpoints = Map.copyOf(builder.textEndpoints);
    }

    /**
     * Starts the configuration of a translation layer.
     *
     * @return a builder with every optional setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The path of every operation, as a template whose one segment in braces, if it has one, stands for any
     * non-empty segment (a certificate id, a thing or policy name, or a percent-encoded certificate ARN), such as
     * {@code /transfer-certificate/{certificateId}} or {@code /things/{thingName}/principals}: for a host whose own
     * server sends only these paths to {@link #handle} (and {@link #HEALTH_PATH} or a
     * {@link Builder#plainTextEndpoint}, if it serves those too). A certificate ARN in a path arrives with its
     * {@code /} and {@code :} percent-encoded: the host's server must pass {@code %2F} through undecoded.
     *
     * @return the templates, each once
     */
    public static List<String> operationPaths() {
        return Arrays.stream(Operation.values()).map(Operation::path).distinct().toList();
    }

    /**
     * The wire format this translation layer speaks.
     *
     * @return the dialect chosen when it was built
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * Answers one request whose body is already read; never throws. The same as {@link #checkHead} followed, when
     * the head passes, by {@link HeadCheck.ReadBody#answer} with the body.
     *
     * @param request the request as received, with at most {@link #MAX_BODY_BYTES} + 1 body bytes
     * @return the answer to write back: a success, or the dialect's error (an exception is logged and answered 500)
     */
    public HttpResponse handle(HttpRequest request) {
        var check = check(request, false);
        return check instanceof HeadCheck.ReadBody read
                ? read.answer(request.body())
                : ((HeadCheck.Answered) check).response();
    }

    /**
     * Checks a request before its body is read, so that a server holds no body (and no thread waiting for one)
     * for a request it refuses anyway: a declared {@code Content-Length} over {@link #MAX_BODY_BYTES} (413), the
     * route, and what the authenticator can decide from the head (an unknown key, a bad scope, a stale or missing
     * date, a missing or malformed Authorization header; docs/behaviour.md#13-on-the-wire has the order). The
     * health check and the plain-text endpoints are answered here too. Never throws.
     *
     * @param head the request line and headers; a body in it is ignored
     * @return the answer to send without reading the body, or what to call once the body is read
     */
    public HeadCheck checkHead(HttpRequest head) {
        return check(head, true);
    }

    private HeadCheck check(HttpRequest head, boolean bodyUnread) {
        var requestId = requestIds.get();
        var log = new RequestLog(head, requestId, System.nanoTime());
        HeadCheck check;
        try {
            check = checkHead(head, requestId, log);
        } catch (RuntimeException e) {
            check = new HeadCheck.Answered(internalError(head, requestId, e));
        }
        if (check instanceof HeadCheck.Answered answered) {
            var response =
                    bodyUnread && declaresBody(head) ? withConnectionClose(answered.response()) : answered.response();
            log.finish(response);
            return new HeadCheck.Answered(response);
        }
        return check;
    }

    private HeadCheck checkHead(HttpRequest head, String requestId, RequestLog log) {
        if (declaredLength(head) > MAX_BODY_BYTES) {
            return new HeadCheck.Answered(tooLarge(requestId));
        }
        if (HEALTH_PATH.equals(head.rawPath())) {
            return new HeadCheck.Answered(health(head, requestId));
        }
        var endpoint = textEndpoints.get(head.rawPath());
        if (endpoint != null) {
            return new HeadCheck.Answered(text(endpoint, head, requestId));
        }
        return RouteTable.route(head.method(), head.rawPath()).accept(new Route.Visitor<>() {
            @Override
            public HeadCheck found(Operation operation, Option<String> label) {
                log.operation(operation);
                return authenticator
                        .authenticateHead(head)
                        .<HeadCheck>map(rest -> new HeadCheck.ReadBody(
                                body -> answer(new Call(operation, label, head.withBody(body), rest), requestId, log)))
                        .getOrElseGet(refusal -> new HeadCheck.Answered(refuse(WireRefusal.of(refusal), requestId)));
            }

            @Override
            public HeadCheck noSuchPath() {
                return new HeadCheck.Answered(refuse(WireRefusal.of(WireError.NO_SUCH_PATH, "Not Found"), requestId));
            }

            @Override
            public HeadCheck wrongMethod(List<String> allowed) {
                return new HeadCheck.Answered(methodNotAllowed(head.method(), allowed, requestId));
            }

            @Override
            public HeadCheck malformed(Refusal refusal) {
                return new HeadCheck.Answered(refuse(WireRefusal.of(refusal), requestId));
            }
        });
    }

    /** A routed request whose head passed, with its body and the rest of its authentication. */
    private record Call(Operation operation, Option<String> label, HttpRequest request, Authenticator.BodyCheck rest) {}

    /** The second half of a request: the body's size, the rest of authentication, the throttle, the operation. */
    private HttpResponse answer(Call call, String requestId, RequestLog log) {
        HttpResponse response;
        try {
            response =
                    call.request().body().length > MAX_BODY_BYTES ? tooLarge(requestId) : serve(call, requestId, log);
        } catch (RuntimeException e) {
            response = internalError(call.request(), requestId, e);
        }
        log.finish(response);
        return response;
    }

    private HttpResponse internalError(HttpRequest request, String requestId, RuntimeException e) {
        LOG.error("request {} ({} {}) failed", requestId, request.method(), RequestLog.printable(request.rawPath()), e);
        return format.error(
                WireRefusal.of(WireError.INTERNAL, "An unexpected error has occurred."), requestId, Map.of());
    }

    /** The Content-Length the head declares; -1 when it declares none or one that is not a number. */
    private static long declaredLength(HttpRequest head) {
        var values = head.header("content-length");
        if (values.size() != 1) {
            return -1;
        }
        try {
            return Long.parseLong(values.get(0).strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** Whether a body follows the head: a positive Content-Length, or a Transfer-Encoding (chunked). */
    private static boolean declaresBody(HttpRequest head) {
        return declaredLength(head) > 0 || !head.header("transfer-encoding").isEmpty();
    }

    private static HttpResponse withConnectionClose(HttpResponse response) {
        if (response.header("Connection").isDefined()) {
            return response;
        }
        var headers = new LinkedHashMap<>(response.headers());
        headers.put("Connection", "close");
        return new HttpResponse(response.status(), headers, response.body());
    }

    /**
     * The dialect's error answer for a request the server refused before it reached {@link #handle} (a request
     * line or header it could not parse, a shutdown). A client's request never gets a 5xx here: Jetty's 505 for an
     * unknown HTTP version becomes 400; only a server that shuts down answers 503.
     *
     * @param status the status the server chose: a 4xx is kept, 503 is kept, any other 5xx but 505 becomes 500
     * @param message the message to send, which must not echo what the client sent
     * @return the dialect's error answer
     */
    public HttpResponse protocolError(int status, String message) {
        var error = switch (status) {
            case 404 -> WireError.NO_SUCH_PATH;
            case 405 -> WireError.METHOD_NOT_ALLOWED;
            case 413 -> WireError.PAYLOAD_TOO_LARGE;
            case 503 -> WireError.UNAVAILABLE;
            default -> status >= 500 && status != 505 ? WireError.INTERNAL : WireError.INVALID_REQUEST;
        };
        var response = format.error(WireRefusal.of(error, message), requestIds.get(), Map.of());
        return status >= 400 && status < 500 ? withStatus(response, status) : response;
    }

    /** A call whose head passed: the rest of authentication, the throttle, then the operation. */
    private HttpResponse serve(Call call, String requestId, RequestLog log) {
        return call.rest()
                .authenticate(call.request())
                .filterOrElse(this::speaksFor, this::notAnAwsAccount)
                .fold(refusal -> refuse(WireRefusal.of(refusal), requestId), caller -> {
                    log.caller(caller);
                    if (!throttle.admits(caller.account())) {
                        return refuse(WireRefusal.of(WireError.THROTTLED, "Rate exceeded"), requestId);
                    }
                    return call(call.operation(), call.label(), caller, call.request())
                            .fold(
                                    refusal -> refuse(WireRefusal.of(refusal), requestId),
                                    output -> format.success(output, service.region(), requestId));
                });
    }

    /** Whether this dialect can serve the caller: the AWS dialect only an account of AWS's form, 12 digits. */
    private boolean speaksFor(Principal caller) {
        return dialect != Dialect.AWS || caller.account().isAwsAccountId();
    }

    /**
     * The AWS dialect's answer to a caller whose credentials name an account that is not 12 digits: its access key
     * is as good as unknown to an AWS client (403 UnrecognizedClientException), and the host's mistake is logged.
     */
    private AuthenticationRefusal notAnAwsAccount(Principal caller) {
        LOG.warn("the credentials of {} name an account that is not 12 digits; the AWS dialect refuses them", caller);
        return AuthenticationRefusal.unrecognizedClient();
    }

    private Either<Refusal, Output> call(
            Operation operation, Option<String> label, Principal caller, HttpRequest request) {
        return QueryParameters.parse(request.rawQuery())
                .flatMap(query -> RequestBody.parse(request.body())
                        .flatMap(body -> calls.call(
                                operation, new OperationCalls.Input(caller, label, query, body, request.headers()))));
    }

    /** {@code GET /health}: no authentication, 200 with the store's state when it can serve, 503 when it cannot. */
    private HttpResponse health(HttpRequest request, String requestId) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return methodNotAllowed(request.method(), List.of("GET", "HEAD"), requestId);
        }
        HealthCheck.Health state;
        try {
            state = health.check();
        } catch (RuntimeException e) {
            LOG.warn("health check failed", e);
            state = HealthCheck.Health.down(
                    "unknown", "the health check failed: " + e.getClass().getSimpleName());
        }
        var body = Json.object().put("status", state.up() ? "UP" : "DOWN").put("store", state.store());
        if (!state.detail().isEmpty()) {
            body.put("detail", state.detail());
        }
        if (!state.figures().isEmpty()) {
            var figures = body.putObject("figures");
            state.figures().forEach(figures::put);
        }
        return new HttpResponse(
                state.up() ? 200 : 503,
                Map.of("Content-Type", "application/json", "x-amzn-RequestId", requestId, "Cache-Control", "no-store"),
                Json.bytes(body));
    }

    /** An extra text endpoint: no authentication, GET or HEAD, 200 with the text its supplier gives now. */
    private HttpResponse text(TextEndpoint endpoint, HttpRequest request, String requestId) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return methodNotAllowed(request.method(), List.of("GET", "HEAD"), requestId);
        }
        return new HttpResponse(
                200,
                Map.of(
                        "Content-Type",
                        endpoint.contentType(),
                        "x-amzn-RequestId",
                        requestId,
                        "Cache-Control",
                        "no-store"),
                endpoint.body().get().getBytes(StandardCharsets.UTF_8));
    }

    private record TextEndpoint(String contentType, Supplier<String> body) {}

    private HttpResponse methodNotAllowed(String method, List<String> allowed, String requestId) {
        return format.error(
                WireRefusal.of(WireError.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed here"),
                requestId,
                Map.of("Allow", String.join(", ", allowed)));
    }

    private HttpResponse refuse(WireRefusal refusal, String requestId) {
        return format.error(refusal, requestId, Map.of());
    }

    private HttpResponse tooLarge(String requestId) {
        return format.error(
                WireRefusal.of(WireError.PAYLOAD_TOO_LARGE, "The request body is over " + MAX_BODY_BYTES + " bytes"),
                requestId,
                Map.of("Connection", "close"));
    }

    private static HttpResponse withStatus(HttpResponse response, int status) {
        return new HttpResponse(status, response.headers(), response.body());
    }

    /**
     * The settings of a translation layer. A service and a dialect are required, and either an authenticator or a
     * credentials store; everything else has a default. Not thread-safe; {@link #build()} may be called again.
     */
    public static final class Builder {
        private CertificateTransferUseCases service;
        private Dialect dialect;
        private Authenticator authenticator;
        private CredentialsStore credentials;
        private Clock clock = Clock.systemUTC();
        private Throttle throttle = Throttle.off();
        private Supplier<String> requestIds = new RequestIds();
        private HealthCheck health = HealthCheck.alwaysUp("unspecified");
        private final Map<String, TextEndpoint> textEndpoints = new LinkedHashMap<>();

        private Builder() {}

        /**
         * The inbound port every operation calls. Required.
         *
         * @param service the service; its region names the ARNs answered and the region Signature Version 4 expects
         * @return this builder
         */
        public Builder service(CertificateTransferUseCases service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        /**
         * The wire format to speak. Required.
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Who sent each request; takes precedence over {@link #credentials}.
         *
         * @param authenticator for the AWS dialect usually a {@link SigV4Authenticator}, for the envelope a
         *        {@link BearerTokenAuthenticator}, or the host's own
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * The credentials port, used when no {@link #authenticator} is set: access keys for Signature Version 4 in
         * the AWS dialect (scoped to the service's region), bearer tokens in the envelope dialect.
         *
         * @param credentials the store, asked on every request
         * @return this builder
         */
        public Builder credentials(CredentialsStore credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /**
         * The clock Signature Version 4 checks request dates against (with {@link #credentials} in the AWS
         * dialect); defaults to the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * A rate limit at the edge; defaults to {@link Throttle#off()}.
         *
         * @param throttle the throttle, asked once per authenticated request
         * @return this builder
         */
        public Builder throttle(Throttle throttle) {
            this.throttle = Objects.requireNonNull(throttle, "throttle");
            return this;
        }

        /**
         * Where request ids come from; defaults to UUID-shaped ids unique per translation layer.
         *
         * @param requestIds a thread-safe source, asked once per request
         * @return this builder
         */
        public Builder requestIds(Supplier<String> requestIds) {
            this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
            return this;
        }

        /**
         * What {@code GET /health} reports (no authentication, 200 or 503); defaults to always up.
         *
         * @param health the check, asked on every health request
         * @return this builder
         */
        public Builder health(HealthCheck health) {
            this.health = Objects.requireNonNull(health, "health");
            return this;
        }

        /**
         * An extra endpoint of plain text, answered like {@code GET /health}: in both dialects, without
         * authentication or throttle, to GET and HEAD only (405 otherwise), with {@code Cache-Control: no-store}.
         * Made for a metrics scrape, such as Prometheus's text at {@code /metrics}. What it shows is open to anyone
         * who reaches the port: serve it on a loopback or private address, or only text that may be public.
         *
         * @param path the exact raw path, such as {@code /metrics}; a query is not part of it
         * @param contentType the answer's Content-Type, such as {@code text/plain; version=0.0.4; charset=utf-8}
         * @param body asked on every request, on the request's thread; the text is sent in UTF-8 (an exception
         *        is answered 500, like any other)
         * @return this builder
         * @throws IllegalArgumentException if the path does not start with {@code /}, is {@link #HEALTH_PATH},
         *         or is the path of an operation
         */
        public Builder plainTextEndpoint(String path, String contentType, Supplier<String> body) {
            Objects.requireNonNull(path, "path");
            if (!path.startsWith("/")
                    || path.equals(HEALTH_PATH)
                    || !(RouteTable.route("GET", path) instanceof Route.NoSuchPath)) {
                throw new IllegalArgumentException(
                        "an extra endpoint's path starts with / and is neither /health nor an operation's: " + path);
            }
            textEndpoints.put(
                    path,
                    new TextEndpoint(
                            Objects.requireNonNull(contentType, "contentType"), Objects.requireNonNull(body, "body")));
            return this;
        }

        /**
         * The translation layer of these settings.
         *
         * @return a new translation layer
         * @throws NullPointerException if the service, the dialect, or both the authenticator and the credentials
         *         are missing
         */
        public CertificateTransferHttpApi build() {
            var service = Objects.requireNonNull(this.service, "a service is required");
            var dialect = Objects.requireNonNull(this.dialect, "a dialect is required");
            return new CertificateTransferHttpApi(this, service, dialect, authenticator(service, dialect));
        }

        private Authenticator authenticator(CertificateTransferUseCases service, Dialect dialect) {
            if (authenticator != null) {
                return authenticator;
            }
            Objects.requireNonNull(credentials, "an authenticator or a credentials store is required");
            return switch (dialect) {
                case ENVELOPE -> new BearerTokenAuthenticator(credentials);
                case AWS -> new SigV4Authenticator(credentials, service.region(), clock);
            };
        }
    }
}
