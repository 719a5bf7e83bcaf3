package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.ca.BouncyCastleCertificateIssuer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.CertificateTransferServer;
import dev.certificatetransfer.adapter.http.Throttle;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ScheduledExpirySweep;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The local AWS-compatible server ({@code examples/server/target/certificate-transfer-server.jar}), a composition
 * root: core's service over the HTTP adapter, stored in memory, in an H2 file or in any JDBC database
 * ({@link Storage}), called by the accounts of {@link ServerCredentials}, its metrics at {@code GET /metrics}
 * ({@link ServerMetrics}), issuing certificates with a deployment CA kept in the store (its certificate at
 * {@code GET /ca-certificate}). Prints its {@link StartupBanner}, the
 * last line {@code listening on http://HOST:PORT} once it serves; stops gracefully on SIGTERM or Ctrl-C (requests
 * in flight finish, then the database closes). Options: {@code --help}.
 */
public final class LocalServer implements AutoCloseable {

    /** Exit status for a mistake on the command line. */
    public static final int USAGE_ERROR = 2;
    /** Exit status for a server that could not start (port in use, unreadable credentials, database refused). */
    public static final int START_FAILURE = 1;

    /** Where the deployment CA's certificate is served, without credentials, for devices under test to trust. */
    public static final String CA_CERTIFICATE_PATH = "/ca-certificate";

    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final List<AutoCloseable> resources;
    private final CertificateTransferServer server;
    private final PrintStream out;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalServer(List<AutoCloseable> resources, CertificateTransferServer server, PrintStream out) {
        this.resources = resources;
        this.server = server;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        var parsed = ServerOptions.parse(args);
        if (parsed instanceof ServerOptions.Parsed.Help) {
            System.out.print(ServerOptions.USAGE);
            return;
        }
        if (parsed instanceof ServerOptions.Parsed.Invalid invalid) {
            System.err.println("error: " + invalid.message());
            System.err.println("Run with --help for the options.");
            System.exit(USAGE_ERROR);
            return;
        }
        LocalServer server;
        try {
            server = start(
                    ((ServerOptions.Parsed.Run) parsed).options(),
                    System.out,
                    started,
                    local -> Runtime.getRuntime()
                            .addShutdownHook(new Thread(local::close, "certificate-transfer-shutdown")));
        } catch (StartFailure failure) {
            System.err.println("error: " + failure.getMessage());
            System.exit(START_FAILURE);
            return;
        }
        server.awaitStop();
    }

    /**
     * Starts a server with these options and prints its startup block and its {@code listening on} line to
     * {@code out}; {@code startedNanos} is when the process began working, for the startup time shown.
     *
     * @throws StartFailure when it cannot start: the port is in use, the credentials file is unreadable or
     *                      malformed, the database refuses; nothing is left open then
     */
    public static LocalServer start(ServerOptions options, PrintStream out, long startedNanos) {
        return start(options, out, startedNanos, local -> {});
    }

    /**
     * As {@link #start(ServerOptions, PrintStream, long)}, calling {@code beforeReady} with the started server
     * before it prints that it listens ({@code main} registers its SIGTERM hook there, so a stop sent on the
     * {@code listening on} line is a clean one).
     */
    public static LocalServer start(
            ServerOptions options, PrintStream out, long startedNanos, Consumer<LocalServer> beforeReady) {
        ServerLogging.configure(options.logLevel());
        var credentials = ServerCredentials.load(options.credentials());
        var resources = new ArrayList<AutoCloseable>();
        try {
            var storage = Storage.open(options.store(), resources);
            var metrics = new ServerMetrics();
            storage.relay().forEach(metrics::bindOutbox);
            resources.add(metrics);
            var issuer = BouncyCastleCertificateIssuer.startOnFirstUse(storage.authority(), Clock.systemUTC());
            var service = service(options, storage, issuer, metrics);
            if (options.transferExpiry().ttl().isDefined()) {
                resources.add(0, ScheduledExpirySweep.start(service, SWEEP_INTERVAL));
            }
            var server = httpServer(options, metrics.metered(service), credentials, storage, issuer, metrics);
            listen(server, options);
            resources.add(0, server);
            var local = new LocalServer(resources, server, out);
            beforeReady.accept(local);
            new StartupBanner(out, options)
                    .print(
                            credentials,
                            SWEEP_INTERVAL,
                            server.port(),
                            Duration.ofNanos(System.nanoTime() - startedNanos));
            return local;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw StartFailure.of(e);
        }
    }

    private static CertificateTransferService service(
            ServerOptions options, Storage storage, CertificateIssuer issuer, ServerMetrics metrics) {
        return CertificateTransferService.builder()
                .repository(storage.repository())
                .issuer(issuer)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .region(options.region())
                .transferExpiry(options.transferExpiry())
                .accountQuota(options.accountQuota())
                .listener(metrics.listener())
                .build();
    }

    private static CertificateTransferServer httpServer(
            ServerOptions options,
            CertificateTransferUseCases service,
            ServerCredentials credentials,
            Storage storage,
            CertificateIssuer issuer,
            ServerMetrics metrics) {
        var api = CertificateTransferHttpApi.builder()
                .service(service)
                .dialect(options.dialect())
                .credentials(credentials.store())
                .health(storage.health())
                .plainTextEndpoint(ServerMetrics.PATH, ServerMetrics.CONTENT_TYPE, metrics::scrape)
                .plainTextEndpoint(CA_CERTIFICATE_PATH, "application/x-pem-file", issuer::authorityCertificatePem)
                .throttle(
                        options.throttle() == ServerOptions.THROTTLE_OFF
                                ? Throttle.off()
                                : Throttle.perAccount(options.throttle()))
                .build();
        var limits = options.limits();
        return CertificateTransferServer.builder()
                .api(api)
                .host(options.bind())
                .port(options.port())
                .maxConnections(limits.maxConnections())
                .threads(limits.threads())
                .maxQueuedRequests(limits.maxQueuedRequests())
                .readTimeout(limits.readTimeout())
                .minBodyRate(limits.minBodyRate())
                .nonBlockingService(options.store() instanceof Store.Memory) // nothing in memory blocks
                .stopTimeout(Duration.ofSeconds(10))
                .build();
    }

    private static void listen(CertificateTransferServer server, ServerOptions options) {
        try {
            server.start();
        } catch (IllegalStateException e) {
            throw StartFailure.cannotListen(e, options.bind(), options.port());
        }
    }

    /** The port it listens on (the one chosen when started with port 0). */
    public int port() {
        return server.port();
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops taking connections, lets requests in flight finish (up to 10 s), then closes the store. */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        closeAll(resources); // the HTTP server first (requests in flight finish), then the sweep, relay and pool
        out.println("stopped");
        out.flush();
        stopped.countDown();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        Logger log = LoggerFactory.getLogger(LocalServer.class);
        for (var resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("closing {} failed", resource, e);
            }
        }
        resources.clear();
    }
}
