package dev.certificatetransfer.examples.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.examples.DemoCertificates;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases the JDBC benchmarks measure, each with its durable settings: H2 in a file under a temporary
 * directory with {@code WRITE_DELAY=0} (every commit written to the file before it returns), and an embedded
 * PostgreSQL with {@code fsync} and {@code synchronous_commit} on (the embedded server's library turns
 * {@code synchronous_commit} off unless told otherwise).
 */
final class JdbcBenchmarkDatabases implements AutoCloseable {

    /** Connections in the pool: one for each thread of the most concurrent benchmark. */
    static final int POOL_SIZE = 8;

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final HikariDataSource pool;
    private final EmbeddedPostgres postgres;
    private final Path h2Directory;

    private JdbcBenchmarkDatabases(HikariDataSource pool, EmbeddedPostgres postgres, Path h2Directory) {
        this.pool = pool;
        this.postgres = postgres;
        this.h2Directory = h2Directory;
        JdbcMigrations.migrate(pool);
    }

    static JdbcBenchmarkDatabases h2File() {
        return h2File(0);
    }

    /** H2 in a file with the given {@code WRITE_DELAY}: 0 is durable on a kill, H2's default of 500 ms is not. */
    static JdbcBenchmarkDatabases h2File(int writeDelayMillis) {
        try {
            Path directory = Files.createTempDirectory("certificate-transfer-h2-");
            return new JdbcBenchmarkDatabases(
                    pool(
                            "jdbc:h2:file:" + directory.resolve("certificates") + ";WRITE_DELAY=" + writeDelayMillis,
                            "sa",
                            ""),
                    null,
                    directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JdbcBenchmarkDatabases postgres() {
        return postgres(0, 5);
    }

    /**
     * An embedded PostgreSQL with durable commits and the given group-commit settings: a commit waits
     * {@code commit_delay} microseconds for others to share its WAL flush when at least {@code commit_siblings}
     * other transactions are active (PostgreSQL's defaults are 0 and 5; neither weakens durability).
     */
    static JdbcBenchmarkDatabases postgres(int commitDelayMicros, int commitSiblings) {
        return postgres(commitDelayMicros, commitSiblings, Map.of());
    }

    /**
     * The durable embedded PostgreSQL of {@link #postgres()} with more server settings, such as the statistics
     * {@link PostgresCycleAnalysis} reads ({@code shared_preload_libraries=pg_stat_statements}).
     */
    static JdbcBenchmarkDatabases postgres(Map<String, String> moreSettings) {
        return postgres(0, 5, moreSettings);
    }

    private static JdbcBenchmarkDatabases postgres(
            int commitDelayMicros, int commitSiblings, Map<String, String> moreSettings) {
        try {
            var builder = EmbeddedPostgres.builder();
            moreSettings.forEach(builder::setServerConfig);
            var server = builder.setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("commit_delay", Integer.toString(commitDelayMicros))
                    .setServerConfig("commit_siblings", Integer.toString(commitSiblings))
                    .start();
            return new JdbcBenchmarkDatabases(
                    pool(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres"), server, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        return new HikariDataSource(config);
    }

    DataSource dataSource() {
        return pool;
    }

    /** H2's directory (its database file is {@code certificates.mv.db} in it), or null on PostgreSQL. */
    Path h2Directory() {
        return h2Directory;
    }

    /**
     * Closes the pool's connections and opens new ones as needed: a PostgreSQL backend reports its table statistics
     * when it ends, so the statistics read afterwards are complete.
     */
    void closeConnections() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    CertificateTransferService service() {
        return CertificateTransferService.builder()
                .repository(new JdbcCertificateRepository(pool))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
    }

    /** The id of synthetic certificate {@code n}: {@code n} in decimal, zero-padded to 64 digits. */
    static CertificateId syntheticId(long n) {
        return new CertificateId(String.format("%064d", n));
    }

    /** When synthetic certificate {@code n} was created: one millisecond after certificate {@code n - 1}. */
    static Instant syntheticCreation(long n) {
        return START.plusMillis(n);
    }

    /**
     * Inserts certificates 1..count for the owner with set-based INSERTs into the adapter's own tables (the same
     * rows a registration writes, one demo PEM for all), far faster than one registration per certificate.
     */
    void insertSynthetic(String owner, long count) {
        boolean h2 = postgres == null;
        String series = h2 ? "SYSTEM_RANGE(1, ?) AS s(n)" : "generate_series(1, ?) AS s(n)";
        String id = "LPAD(CAST(n AS VARCHAR(64)), 64, '0')";
        ParsedCertificate template = DemoCertificates.parsed(1);
        String certificates = "INSERT INTO certificate (id, version, owner, status, creation_date,"
                + " last_modified_date, customer_version) SELECT " + id + ", 1, ?, 'INACTIVE', ? + n, ? + n, 1 FROM "
                + series;
        String contents = "INSERT INTO certificate_content (id, pem, not_before, not_after, mode) SELECT " + id
                + ", ?, ?, ?, 'SNI_ONLY' FROM " + series;
        try (var connection = pool.getConnection();
                var certificate = connection.prepareStatement(certificates);
                var content = connection.prepareStatement(contents)) {
            certificate.setString(1, owner);
            certificate.setLong(2, START.toEpochMilli());
            certificate.setLong(3, START.toEpochMilli());
            certificate.setLong(4, count);
            certificate.executeUpdate();
            content.setString(1, template.pem().value());
            content.setLong(2, template.validity().notBefore().toEpochMilli());
            content.setLong(3, template.validity().notAfter().toEpochMilli());
            content.setLong(4, count);
            content.executeUpdate();
            if (!h2) {
                try (var analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE certificate");
                    analyze.execute("ANALYZE certificate_content");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (postgres != null) {
            postgres.close();
        }
        if (h2Directory != null) {
            try (Stream<Path> files = Files.walk(h2Directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
