package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases the tests run on: H2 in memory and in a file under {@code target/}, and one PostgreSQL 17
 * server (embedded, from Maven Central) shared by every test of the JVM, started on first use and emptied by
 * {@link #empty} between tests.
 */
final class TestDatabases {

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile SharedPostgres postgres;

    private TestDatabases() {}

    /** A new, migrated H2 database in memory, gone once the pool is closed. */
    static HikariDataSource h2InMemory() {
        return migrated(pool("jdbc:h2:mem:certificates-" + NAMES.incrementAndGet(), 8));
    }

    /** A new, migrated H2 database in a file under {@code target/h2}. */
    static HikariDataSource h2File(String name) {
        Path file = Path.of("target", "h2", name + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet());
        return migrated(pool("jdbc:h2:file:" + file.toAbsolutePath(), 8));
    }

    /** The shared PostgreSQL server's pool, migrated once; call {@link #empty} before each test. */
    static HikariDataSource postgres() {
        SharedPostgres shared = postgres;
        if (shared == null) {
            synchronized (TestDatabases.class) {
                shared = postgres;
                if (shared == null) {
                    shared = new SharedPostgres();
                    postgres = shared;
                }
            }
        }
        return shared.pool;
    }

    /** The JDBC URL of the shared PostgreSQL server's database, for a second process. */
    static String postgresUrl() {
        postgres();
        return postgres.server.getJdbcUrl("postgres", "postgres");
    }

    /** Deletes every certificate and event, and restarts the outbox's sequence. */
    static void empty(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM certificate_event");
            statement.execute("DELETE FROM certificate");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event in the outbox, in sequence order. */
    static Seq<CertificateEvent> outbox(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
                var statement =
                        connection.prepareStatement("SELECT * FROM certificate_event ORDER BY sequence_number");
                var rows = statement.executeQuery()) {
            var events = List.<CertificateEvent>empty();
            while (rows.next()) {
                events = events.prepend(EventRows.event(rows));
            }
            return events.reverse();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static HikariDataSource pool(String url, int size) {
        return pool(url, size, null);
    }

    /**
     * A pool whose connections use the isolation level named as Hikari names it ({@code TRANSACTION_SERIALIZABLE}),
     * or the driver's default if {@code null}.
     */
    static HikariDataSource pool(String url, int size, String isolation) {
        var config = new HikariConfig();
        config.setTransactionIsolation(isolation);
        config.setJdbcUrl(url);
        config.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
        config.setPassword(url.startsWith("jdbc:h2") ? "" : "postgres");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private static HikariDataSource migrated(HikariDataSource dataSource) {
        JdbcMigrations.migrate(dataSource);
        return dataSource;
    }

    /** One embedded PostgreSQL server and a pool on its {@code postgres} database, closed when the JVM exits. */
    private static final class SharedPostgres {
        final EmbeddedPostgres server;
        final HikariDataSource pool;

        SharedPostgres() {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pool = migrated(pool(server.getJdbcUrl("postgres", "postgres"), 10));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                pool.close();
                try {
                    server.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
