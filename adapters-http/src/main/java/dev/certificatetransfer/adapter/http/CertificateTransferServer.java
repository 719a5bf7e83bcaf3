package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.Invocable;

import java.time.Duration;
import java.util.Objects;

/**
 * Serves a {@link CertificateTransferHttpApi} over HTTP/1.1 on Jetty 12 (core handlers, no servlet container):
 *
 * <pre>{@code
 * var api = CertificateTransferHttpApi.builder()
 *         .service(service)                         // the CertificateTransferUseCases inbound port
 *         .dialect(Dialect.ENVELOPE)
 *         .credentials(credentialsStore)            // or .authenticator(...)
 *         .build();
 * try (var server = CertificateTransferServer.builder()
 *         .api(api)
 *         .port(8080)                               // 0 = an ephemeral port, see port()
 *         .build()) {
 *     server.start();
 *     ...
 * }
 * }</pre>
 *
 * <p>A host with its own HTTP stack (a servlet, Netty, the JDK's server) uses the translation layer alone instead:
 * it turns each request into an {@link HttpRequest} (raw path and query as received, headers, at most
 * {@link CertificateTransferHttpApi#MAX_BODY_BYTES} + 1 body bytes) and writes back the {@link HttpResponse}
 * that {@link CertificateTransferHttpApi#handle} returns.
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
        // One selector per core (Jetty's default is one per two): with a non-blocking service the selectors do the
        // work.
        this.connector = new ServerConnector(
                server, 1, Runtime.getRuntime().availableProcessors(), new HttpConnectionFactory(config));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new JettyBinding(
                api,
                builder.nonBlockingService
                        ? Invocable.InvocationType.NON_BLOCKING
                        : Invocable.InvocationType.BLOCKING)));
        server.setErrorHandler(new DialectErrorHandler(api));
        server.setStopTimeout(builder.stopTimeout.toMillis());
    }

    /**
     * Starts the configuration of a server.
     *
     * @return a builder with every optional setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening; returns once the port is bound.
     *
     * @return this server
     * @throws IllegalStateException if the server cannot start (the port is taken, say)
     */
    public CertificateTransferServer start() {
        try {
            server.start();
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not start", e);
        }
    }

    /**
     * The port the server listens on.
     *
     * @return the port (the ephemeral one chosen, when built with port 0); -1 before {@link #start()}
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The translation layer this server feeds.
     *
     * @return the translation layer it was built with
     */
    public CertificateTransferHttpApi api() {
        return api;
    }

    /**
     * Stops gracefully: no new connection, requests in flight finish within the stop timeout.
     *
     * @throws IllegalStateException if the server does not stop cleanly
     */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly", e);
        }
    }

    /**
     * The settings of a server: the translation layer it serves is required; where it listens and how it stops
     * have defaults. Not thread-safe.
     */
    public static final class Builder {
        private CertificateTransferHttpApi api;
        private String host = "127.0.0.1";
        private int port;
        private Duration stopTimeout = Duration.ofSeconds(5);
        private boolean nonBlockingService;

        private Builder() {}

        /**
         * The translation layer to serve, with its service, dialect, authentication, throttle, request ids and
         * health check. Required.
         *
         * @param api the translation layer
         * @return this builder
         */
        public Builder api(CertificateTransferHttpApi api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /**
         * The address to bind; defaults to {@code 127.0.0.1} (use {@code 0.0.0.0} for every interface).
         *
         * @param host a host name or an IP address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to listen on; defaults to 0: an ephemeral port, read back with {@link #port()}.
         *
         * @param port 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if the port is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("a port is 0 to 65535");
            }
            this.port = port;
            return this;
        }

        /**
         * Declares that nothing the server calls ever blocks: the service and its storage, the authorizer and the
         * credentials store (in-memory ones, not JDBC). Requests without a body are then answered on Jetty's
         * selector threads, with no hand-off to a worker thread (about one thread switch less per request); a
         * request with a body is still read on a worker thread. Defaults to false: every request on a worker thread.
         *
         * @param nonBlockingService whether nothing the server calls blocks
         * @return this builder
         */
        public Builder nonBlockingService(boolean nonBlockingService) {
            this.nonBlockingService = nonBlockingService;
            return this;
        }

        /**
         * How long {@link #close()} waits for requests in flight; defaults to 5 seconds.
         *
         * @param stopTimeout the longest wait
         * @return this builder
         */
        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
            return this;
        }

        /**
         * A server of these settings, not yet listening.
         *
         * @return a new server; call {@link CertificateTransferServer#start()}
         * @throws NullPointerException if no translation layer is set
         */
        public CertificateTransferServer build() {
            return new CertificateTransferServer(this, Objects.requireNonNull(api, "a translation layer is required"));
        }
    }
}
