package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.http.auth.BearerTokenAuthenticator;
import dev.certificatetransfer.adapter.http.auth.CredentialsStore;
import dev.certificatetransfer.adapter.http.auth.SigV4Authenticator;
import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Serves the certificate-transfer operations over HTTP/1.1 on Jetty 12 (core handlers, no servlet container), in
 * one {@link Dialect}:
 *
 * <pre>{@code
 * try (var server = CertificateTransferServer.builder()
 *         .service(service)                         // the CertificateTransferUseCases inbound port
 *         .dialect(Dialect.ENVELOPE)
 *         .credentials(credentialsStore)            // or .authenticator(...)
 *         .port(8080)                               // 0 = an ephemeral port, see port()
 *         .build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>A host with its own HTTP stack (a servlet, Netty, the JDK's server) uses the translation layer alone instead:
 * build a {@link CertificateTransferHttpApi}, turn each request into an {@link HttpRequest} (raw path and query as
 * received, headers, at most {@link CertificateTransferHttpApi#MAX_BODY_BYTES} + 1 body bytes) and write back the
 * {@link HttpResponse} it returns.
 *
 * <p>{@link #close()} stops gracefully: the connector stops accepting, requests in flight finish (up to the stop
 * timeout, 5 seconds by default), then the server stops.
 */
public final class CertificateTransferServer implements AutoCloseable {

    private final CertificateTransferHttpApi api;
    private final Server server;
    private final ServerConnector connector;

    private CertificateTransferServer(Builder builder, CertificateTransferHttpApi api) {
        this.api = api;
        this.server = new Server();
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        // The translation layer reads the raw path itself and decodes each segment once, so Jetty need not refuse
        // ambiguous encodings such as %2F on its behalf.
        config.setUriCompliance(UriCompliance.UNSAFE);
        // One selector per core (Jetty's default is one per two): with a non-blocking service the selectors do the work.
        this.connector = new ServerConnector(server, 1, Runtime.getRuntime().availableProcessors(),
                new HttpConnectionFactory(config));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new JettyBinding(api, builder.nonBlockingService
                ? Invocable.InvocationType.NON_BLOCKING : Invocable.InvocationType.BLOCKING)));
        server.setErrorHandler(new DialectErrorHandler(api));
        server.setStopTimeout(builder.stopTimeout.toMillis());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; returns once the port is bound. */
    public CertificateTransferServer start() {
        try {
            server.start();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start", e);
        }
    }

    /** The port the server listens on (the ephemeral one chosen, when built with port 0); -1 before start. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The translation layer this server feeds. */
    public CertificateTransferHttpApi api() {
        return api;
    }

    /** Stops gracefully: no new connection, requests in flight finish within the stop timeout. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly", e);
        }
    }

    /** Configures a server: service and dialect are required, and an authenticator or a credentials store. */
    public static final class Builder {
        private CertificateTransferUseCases service;
        private Dialect dialect;
        private String host = "127.0.0.1";
        private int port;
        private Authenticator authenticator;
        private CredentialsStore credentials;
        private Clock clock = Clock.systemUTC();
        /** Throttle and request ids go straight to the translation layer, which owns their defaults. */
        private final CertificateTransferHttpApi.Builder api = CertificateTransferHttpApi.builder();
        private Duration stopTimeout = Duration.ofSeconds(5);
        private boolean nonBlockingService;

        private Builder() {
        }

        public Builder service(CertificateTransferUseCases service) {
            this.service = Objects.requireNonNull(service, "service");
            return this;
        }

        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The address to bind; defaults to {@code 127.0.0.1} (use {@code 0.0.0.0} for every interface). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Defaults to 0: an ephemeral port, read back with {@link #port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /** Who sent each request; takes precedence over {@link #credentials}. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * The credentials port: bearer tokens for the envelope dialect, access keys for Signature Version 4 in the
         * AWS dialect (scoped to the service's region).
         */
        public Builder credentials(CredentialsStore credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The clock Signature Version 4 checks request dates against; defaults to the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Defaults to {@link Throttle#off()}. */
        public Builder throttle(Throttle throttle) {
            api.throttle(throttle);
            return this;
        }

        /** Where request ids come from; defaults to UUID-shaped ids unique per server. */
        public Builder requestIds(Supplier<String> requestIds) {
            api.requestIds(requestIds);
            return this;
        }

        /** What {@code GET /health} reports (no authentication, 200 or 503); defaults to always up. */
        public Builder health(HealthCheck health) {
            api.health(health);
            return this;
        }

        /**
         * Declares that nothing the server calls ever blocks: the service and its storage, the authorizer and the
         * credentials store (in-memory ones, not JDBC). Requests without a body are then answered on Jetty's
         * selector threads, with no hand-off to a worker thread (about one thread switch less per request); a
         * request with a body is still read on a worker thread. Defaults to false: every request on a worker thread.
         */
        public Builder nonBlockingService(boolean nonBlockingService) {
            this.nonBlockingService = nonBlockingService;
            return this;
        }

        /** How long {@link #close()} waits for requests in flight; defaults to 5 seconds. */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        public CertificateTransferServer build() {
            Objects.requireNonNull(service, "a service is required");
            Objects.requireNonNull(dialect, "a dialect is required");
            return new CertificateTransferServer(this,
                    api.service(service).dialect(dialect).authenticator(authenticator()).build());
        }

        private Authenticator authenticator() {
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
