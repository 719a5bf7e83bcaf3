package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.message.HttpRequest;
import dev.certificatetransfer.adapter.http.message.HttpResponse;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
 * <p>It holds up under slow and many clients (docs/hosting.md#limits-of-the-http-server): a request is checked from its
 * line and headers before its body is read ({@link CertificateTransferHttpApi#checkHead}); a body is read without
 * holding a thread while it waits, and must arrive within the read timeout plus the time the minimum body rate
 * allows; the connections, the worker threads and the requests queued for them are bounded. Every limit has a
 * default on the {@link Builder}.
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
        int selectors = Runtime.getRuntime().availableProcessors();
        this.server = new Server(threadPool(builder, selectors));
        var config = new HttpConfiguration();
        config.setSendServerVersion(false);
        // The translation layer reads the raw path itself and decodes each segment once, so Jetty need not refuse
        // ambiguous encodings such as %2F on its behalf.
        config.setUriCompliance(UriCompliance.UNSAFE);
        // One selector per core (Jetty's default is one per two): with a non-blocking service the selectors do the
        // work.
        this.connector = new ServerConnector(server, 1, selectors, new HttpConnectionFactory(config));
        connector.setHost(builder.host);
        connector.setPort(builder.port);
        connector.setIdleTimeout(builder.readTimeout.toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(builder.maxConnections, connector));
        // Connections waiting to be accepted while the limit is reached wait in the kernel's backlog (Java's
        // default of 50 dropped connections in a burst).
        connector.setAcceptQueueSize(1024);
        server.setHandler(new GracefulHandler(new HeadDeadline(
                new JettyBinding(
                        api,
                        builder.nonBlockingService
                                ? Invocable.InvocationType.NON_BLOCKING
                                : Invocable.InvocationType.BLOCKING,
                        builder.readTimeout,
                        builder.minBodyRate),
                connector,
                builder.readTimeout)));
        server.setErrorHandler(new DialectErrorHandler(api));
        server.setStopTimeout(builder.stopTimeout.toMillis());
    }

    /**
     * The worker threads on top of the acceptor and the selectors, with a bounded queue: a request that finds it full
     * has its connection closed.
     */
    private static QueuedThreadPool threadPool(Builder builder, int selectors) {
        int max = builder.threads + 1 + selectors;
        var pool = new QueuedThreadPool(
                max, Math.min(max, 8 + selectors), 60_000, new BlockingArrayQueue<>(builder.maxQueuedRequests));
        pool.setName("certificate-transfer-http");
        return pool;
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
        private int maxConnections = 1000;
        private int threads = 32;
        private int maxQueuedRequests = 256;
        private Duration readTimeout = Duration.ofSeconds(15);
        private long minBodyRate = 4096;

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
         * credentials store (in-memory ones, not JDBC). Requests are then answered on Jetty's selector threads, with
         * no hand-off to a worker thread (about one thread switch less per request). Defaults to false: every
         * request on a worker thread.
         *
         * @param nonBlockingService whether nothing the server calls blocks
         * @return this builder
         */
        public Builder nonBlockingService(boolean nonBlockingService) {
            this.nonBlockingService = nonBlockingService;
            return this;
        }

        /**
         * The most connections open at once; defaults to 1000. At the limit the server stops accepting until one
         * closes (new clients wait in the operating system's backlog).
         *
         * @param maxConnections at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = positive(maxConnections, "maxConnections");
            return this;
        }

        /**
         * The most worker threads that run requests; defaults to 32. Jetty's acceptor and its selectors (one per
         * core) come on top. A body that is still arriving holds no thread.
         *
         * @param threads at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder threads(int threads) {
            this.threads = positive(threads, "threads");
            return this;
        }

        /**
         * The most requests that wait for a worker thread; defaults to 256. A request that finds the queue full has
         * its connection closed.
         *
         * @param maxQueuedRequests at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder maxQueuedRequests(int maxQueuedRequests) {
            this.maxQueuedRequests = positive(maxQueuedRequests, "maxQueuedRequests");
            return this;
        }

        /**
         * How long a connection may stay silent: between requests, within a request's head, and while its body is
         * awaited; defaults to 15 seconds. Also the grace a body has on top of what {@link #minBodyRate} allows.
         *
         * @param readTimeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException if it is zero or negative
         */
        public Builder readTimeout(Duration readTimeout) {
            if (Objects.requireNonNull(readTimeout, "readTimeout").isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive");
            }
            this.readTimeout = readTimeout;
            return this;
        }

        /**
         * The slowest a request body may arrive, in bytes per second; defaults to 4096. A body must be complete within
         * {@link #readTimeout} plus its declared length (64 KiB when chunked) at this rate, or it is answered 408
         * and its connection closed.
         *
         * @param bytesPerSecond at least 1
         * @return this builder
         * @throws IllegalArgumentException if it is below 1
         */
        public Builder minBodyRate(long bytesPerSecond) {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("minBodyRate must be at least 1 byte per second");
            }
            this.minBodyRate = bytesPerSecond;
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1");
            }
            return value;
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
