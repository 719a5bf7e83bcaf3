package dev.certificatetransfer.examples.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.CertificateTransferHttpApi;
import dev.certificatetransfer.adapter.http.CertificateTransferServer;
import dev.certificatetransfer.adapter.http.Dialect;
import dev.certificatetransfer.adapter.http.HealthCheck;
import dev.certificatetransfer.adapter.http.HealthCheck.Health;
import dev.certificatetransfer.adapter.http.auth.CredentialsFileException;
import dev.certificatetransfer.adapter.http.auth.CsvCredentials;
import dev.certificatetransfer.adapter.http.auth.InMemoryCredentialsStore;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ScheduledExpirySweep;
import dev.certificatetransfer.examples.adapter.Slf4jEventPublisher;
import dev.certificatetransfer.port.out.CertificateRepository;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local AWS-compatible server ({@code examples/server/target/certificate-transfer-server.jar}): core's service over
 * the HTTP adapter, stored in memory, in an H2 file or in any JDBC database (migrated on start, its event outbox
 * relayed to the log). Prints one startup block, then {@code listening on http://HOST:PORT} once it serves; stops
 * gracefully on SIGTERM or Ctrl-C (requests in flight finish, then the database closes). Options: {@code --help}.
 */
public final class LocalServer implements AutoCloseable {

    /** Exit status for a mistake on the command line. */
    public static final int USAGE_ERROR = 2;
    /** Exit status for a server that could not start (port in use, unreadable credentials, database refused). */
    public static final int START_FAILURE = 1;

    private static final Duration RELAY_INTERVAL = Duration.ofMillis(200);
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
        var options = ((ServerOptions.Parsed.Run) parsed).options();
        LocalServer server;
        try {
            server = start(options, System.out, started, local -> Runtime.getRuntime().addShutdownHook(
                    new Thread(local::close, "certificate-transfer-shutdown")));
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
        return start(options, out, startedNanos, local -> { });
    }

    /**
     * As {@link #start(ServerOptions, PrintStream, long)}, calling {@code beforeReady} with the started server
     * before it prints that it listens ({@code main} registers its SIGTERM hook there, so a stop sent on the
     * {@code listening on} line is a clean one).
     */
    public static LocalServer start(ServerOptions options, PrintStream out, long startedNanos,
                                    java.util.function.Consumer<LocalServer> beforeReady) {
        configureLogging(options.logLevel());
        var credentials = credentials(options);
        var resources = new ArrayList<AutoCloseable>();
        try {
            var storage = open(options.store(), resources);
            var service = CertificateTransferService.builder()
                    .repository(storage.repository())
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(Clock.systemUTC())
                    .region(options.region())
                    .transferExpiry(options.transferExpiry())
                    .build();
            if (options.transferExpiry().ttl().isDefined()) {
                resources.add(0, ScheduledExpirySweep.start(service, SWEEP_INTERVAL));
            }
            var api = CertificateTransferHttpApi.builder()
                    .service(service)
                    .dialect(options.dialect())
                    .credentials(credentials.store())
                    .health(storage.health())
                    .build();
            var server = CertificateTransferServer.builder()
                    .api(api)
                    .host(options.bind())
                    .port(options.port())
                    .nonBlockingService(options.store() instanceof Store.Memory) // nothing in memory blocks
                    .stopTimeout(Duration.ofSeconds(10))
                    .build();
            startListening(server, options);
            resources.add(0, server);
            var local = new LocalServer(resources, server, out);
            beforeReady.accept(local);
            local.printStartup(options, credentials, Duration.ofNanos(System.nanoTime() - startedNanos));
            return local;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e instanceof StartFailure failure ? failure : new StartFailure(describe(e), e);
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

    /** Why the server could not start, in words for the person who started it. */
    public static final class StartFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StartFailure(String message, Throwable cause) {
            super(message, cause);
        }

        StartFailure(String message) {
            super(message);
        }
    }

    private record Credentials(InMemoryCredentialsStore store, String source, Option<DemoAccounts> demo) {
    }

    private record Storage(CertificateRepository repository, HealthCheck health) {
    }

    private static Credentials credentials(ServerOptions options) {
        if (options.credentials().isEmpty()) {
            var demo = DemoAccounts.generate();
            return new Credentials(demo.credentials(), "2 demo accounts generated at start (no --credentials)",
                    Option.some(demo));
        }
        Path file = options.credentials().get();
        refuseUnlikelyCredentialsFile(file);
        try {
            var store = CsvCredentials.load(file);
            return new Credentials(store, "file " + file.toAbsolutePath().normalize() + " ("
                    + count(store.accessKeyCount(), "access key") + ", " + count(store.bearerTokenCount(), "bearer token")
                    + (store.accessKeyCount() + store.bearerTokenCount() == 0 ? ": nobody can call this server" : "")
                    + ")", Option.none());
        } catch (UncheckedIOException unreadable) {
            boolean encoding = unreadable.getCause() instanceof java.nio.charset.CharacterCodingException;
            throw new StartFailure("cannot read the credentials file " + file + " ("
                    + (encoding ? "it is not UTF-8 text" : "not readable") + ")");
        } catch (CredentialsFileException malformed) {
            throw new StartFailure("the credentials file " + file + " is malformed: " + malformed.getMessage());
        }
    }

    /** The largest credentials file read: far more than any real one, so a wrong path cannot exhaust memory. */
    private static final long MAX_CREDENTIALS_BYTES = 64L * 1024 * 1024;

    private static void refuseUnlikelyCredentialsFile(Path file) {
        String problem = null;
        if (!Files.exists(file)) {
            problem = "no such file";
        } else if (Files.isDirectory(file)) {
            problem = "it is a directory";
        } else if (!Files.isRegularFile(file)) {
            problem = "not a regular file";
        } else if (!Files.isReadable(file)) {
            problem = "not readable";
        } else {
            try {
                if (Files.size(file) > MAX_CREDENTIALS_BYTES) {
                    problem = "larger than " + MAX_CREDENTIALS_BYTES / (1024 * 1024) + " MiB";
                }
            } catch (IOException e) {
                problem = "not readable";
            }
        }
        if (problem != null) {
            throw new StartFailure("cannot read the credentials file " + file + " (" + problem + ")");
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static Storage open(Store store, List<AutoCloseable> resources) {
        if (store instanceof Store.Jdbc jdbc) {
            var config = new HikariConfig();
            config.setJdbcUrl(jdbc.url());
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(2);
            config.setConnectionTimeout(1_000);   // so /health answers 503 within a second while the database is away
            config.setValidationTimeout(500);
            config.setPoolName("certificate-transfer");
            config.setInitializationFailTimeout(1); // a database that refuses at start fails the start, with its cause
            HikariDataSource dataSource;
            try {
                dataSource = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new StartFailure("the store " + jdbc.description() + " could not be opened: " + describe(e), e);
            }
            resources.add(dataSource);
            try {
                JdbcMigrations.migrate(dataSource);
            } catch (RuntimeException e) {
                throw new StartFailure("the store " + jdbc.description() + " could not be opened and migrated: "
                        + describe(e), e);
            }
            var relay = new OutboxRelay(dataSource, new Slf4jEventPublisher());
            relay.start(RELAY_INTERVAL);
            resources.add(0, relay);
            return new Storage(new JdbcCertificateRepository(dataSource), () -> ping(dataSource, jdbc.description()));
        }
        return new Storage(new InMemoryCertificateRepository(new Slf4jEventPublisher()),
                HealthCheck.alwaysUp(store.description()));
    }

    private static Health ping(HikariDataSource dataSource, String description) {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(1) ? Health.up(description)
                    : Health.down(description, "the database does not answer");
        } catch (SQLException e) {
            return Health.down(description, "no connection to the database (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    private static void startListening(CertificateTransferServer server, ServerOptions options) {
        try {
            server.start();
        } catch (IllegalStateException e) {
            if (causedBy(e, BindException.class)) {
                String cause = describe(e);
                throw new StartFailure("cannot listen on " + options.bind() + ":" + options.port() + ": " + cause
                        + (cause.contains("already in use") ? " (is another server using the port? try --port 0)"
                        : ""), e);
            }
            if (causedBy(e, java.nio.channels.UnresolvedAddressException.class)) {
                throw new StartFailure("cannot listen on " + options.bind() + ": no such host or address", e);
            }
            throw new StartFailure("the HTTP server did not start: " + describe(e), e);
        }
    }

    private void printStartup(ServerOptions options, Credentials credentials, Duration took) {
        out.println("certificate-transfer server " + version());
        out.println("  dialect      " + (options.dialect() == Dialect.AWS
                ? "aws (AWS wire format, Signature V4; for the AWS CLI and SDKs)"
                : "envelope (JSON envelope, Authorization: Bearer <token>)"));
        out.println("  region       " + options.region());
        out.println("  store        " + options.store().description());
        out.println("  credentials  " + credentials.source());
        out.println("  transfers    " + options.transferExpiry().ttl().map(ttl -> "expire " + ttl
                + " after their transfer date (ours, not AWS's), swept every " + SWEEP_INTERVAL.toSeconds() + " s")
                .getOrElse("never expire (as in AWS)"));
        out.println("  health       GET /health");
        out.println("  started in   " + took.toMillis() + " ms");
        String endpoint = "http://" + urlHost(hostForClients(options.bind())) + ":" + port();
        credentials.demo().forEach(demo -> printDemoAccounts(demo, options, endpoint));
        out.println("listening on http://" + urlHost(options.bind()) + ":" + port());
        out.flush();
    }

    private void printDemoAccounts(DemoAccounts demo, ServerOptions options, String endpoint) {
        out.println();
        out.println("Demo accounts (new keys at every start; use --credentials <csv> for your own):");
        for (var account : demo.accounts()) {
            out.println("  " + account.name() + " = account " + account.account().value()
                    + ", access key " + account.accessKeyId() + ", bearer token " + account.bearerToken());
        }
        if (options.dialect() == Dialect.AWS) {
            out.println("Paste into a shell, then run e.g. 'alice iot list-certificates':");
            for (var account : demo.accounts()) {
                out.println("  " + account.name() + "() { AWS_ACCESS_KEY_ID=" + account.accessKeyId()
                        + " AWS_SECRET_ACCESS_KEY=" + account.secretAccessKey() + " AWS_DEFAULT_REGION=" + options.region() + " aws --endpoint-url " + endpoint
                        + " \"$@\"; }");
            }
            var first = demo.accounts().get(0);
            out.println("Or set one account for the whole shell:");
            out.println("  export AWS_ACCESS_KEY_ID=" + first.accessKeyId() + " AWS_SECRET_ACCESS_KEY="
                    + first.secretAccessKey() + " AWS_DEFAULT_REGION=" + options.region()
                    + " AWS_ENDPOINT_URL=" + endpoint);
        } else {
            var first = demo.accounts().get(0);
            out.println("Try: curl -s -H 'Authorization: Bearer " + first.bearerToken() + "' " + endpoint
                    + "/certificates");
        }
        out.println();
    }

    /** An IPv6 address in a URL goes in brackets. */
    private static String urlHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String hostForClients(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    private static void configureLogging(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        // the libraries' own debug output drowns the request lines: they follow only at trace (and at error)
        String libraries = level.equals("trace") || level.equals("error") ? level : "warn";
        for (String library : List.of("org.eclipse.jetty", "org.flywaydb", "org.h2")) {
            setIfAbsent("org.slf4j.simpleLogger.log." + library, libraries);
        }
        // the pool repeats, with a stack trace, the failures the server reports in its own words
        setIfAbsent("org.slf4j.simpleLogger.log.com.zaxxer.hikari", level.equals("trace") ? level : "off");
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    static String version() {
        try (InputStream in = LocalServer.class.getResourceAsStream("/certificate-transfer-server.properties")) {
            if (in == null) {
                return "(version unknown)";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
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

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.file.FileSystemException files) {
            String why = files.getReason() != null ? files.getReason()
                    : root instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : root instanceof java.nio.file.NoSuchFileException ? "no such directory"
                    : root.getClass().getSimpleName();
            return "cannot create or write " + files.getFile() + " (" + why + ")";
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }
}
