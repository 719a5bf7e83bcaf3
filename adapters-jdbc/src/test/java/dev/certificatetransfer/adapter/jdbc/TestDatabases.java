package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

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

    /** The schema of its own that the tests of a host's table named like ours use. */
    static final JdbcSchema OWN_SCHEMA = JdbcSchema.named("certificate_transfer");

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static volatile SharedPostgres postgres;
    private static volatile HikariDataSource postgresWithHostTable;

    private TestDatabases() {}

    /** A new, migrated H2 database in memory, gone once the pool is closed. */
    static HikariDataSource h2InMemory() {
        return h2InMemory("");
    }

    /** A new, migrated H2 database in memory with the settings (such as {@code ;LOCK_TIMEOUT=10000}) in its URL. */
    static HikariDataSource h2InMemory(String settings) {
        return migrated(pool("jdbc:h2:mem:certificates-" + NAMES.incrementAndGet() + settings, 8));
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

    /**
     * A new H2 database in memory whose default schema holds a host's own {@code certificate} table (one row), with
     * this adapter's tables migrated into {@link #OWN_SCHEMA}.
     */
    static HikariDataSource h2InMemoryWithHostTable() {
        var dataSource = pool("jdbc:h2:mem:host-" + NAMES.incrementAndGet(), 8);
        createHostCertificateTable(dataSource);
        JdbcMigrations.migrate(dataSource, OWN_SCHEMA);
        return dataSource;
    }

    /**
     * A second database of the shared PostgreSQL server whose {@code public} schema holds a host's own
     * {@code certificate} table (one row), with this adapter's tables migrated into {@link #OWN_SCHEMA}; call
     * {@link #empty(DataSource, JdbcSchema)} before each test.
     */
    static HikariDataSource postgresWithHostTable() {
        HikariDataSource shared = postgresWithHostTable;
        if (shared == null) {
            synchronized (TestDatabases.class) {
                shared = postgresWithHostTable;
                if (shared == null) {
                    shared = newPostgresDatabase("host_app");
                    createHostCertificateTable(shared);
                    JdbcMigrations.migrate(shared, OWN_SCHEMA);
                    postgresWithHostTable = shared;
                }
            }
        }
        return shared;
    }

    /** A new, empty database on the shared PostgreSQL server, named after the prefix; the caller closes the pool. */
    static HikariDataSource newPostgresDatabase(String prefix) {
        String name = prefix + "_" + NAMES.incrementAndGet();
        try (var connection = postgres().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pool(postgres.server.getJdbcUrl("postgres", name), 4);
    }

    /** A host's table of its own called {@code certificate}, in the connection's default schema, with one row. */
    static void createHostCertificateTable(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE certificate (serial_number VARCHAR(40) PRIMARY KEY, holder VARCHAR(40))");
            statement.execute("INSERT INTO certificate VALUES ('01:02:03', 'the host''s own row')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of the host's own {@code certificate} table, as {@code serial_number=holder}. */
    static java.util.List<String> hostCertificates(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT serial_number, holder FROM certificate")) {
            var found = new java.util.ArrayList<String>();
            while (rows.next()) {
                found.add(rows.getString(1) + "=" + rows.getString(2));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes every certificate and event, and restarts the outbox's sequence. */
    static void empty(DataSource dataSource) {
        empty(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    /** Deletes every certificate, event, thing, policy and attachment of the schema, and its CA. */
    static void empty(DataSource dataSource, JdbcSchema schema) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + schema.qualify("certificate_policy"));
            statement.execute("DELETE FROM " + schema.qualify("certificate_thing"));
            statement.execute("DELETE FROM " + schema.qualify("registry_policy"));
            statement.execute("DELETE FROM " + schema.qualify("registry_thing"));
            statement.execute("DELETE FROM " + schema.qualify("certificate_authority"));
            statement.execute("DELETE FROM " + schema.qualify("certificate_event"));
            statement.execute("DELETE FROM " + schema.qualify("certificate_pending_transfer"));
            statement.execute("DELETE FROM " + schema.qualify("certificate_content"));
            statement.execute("DELETE FROM " + schema.qualify("certificate"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event in the outbox, in sequence order. */
    static Seq<CertificateEvent> outbox(DataSource dataSource) {
        return outbox(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    /** Every event in the schema's outbox, in sequence order. */
    static Seq<CertificateEvent> outbox(DataSource dataSource, JdbcSchema schema) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement(
                        "SELECT * FROM " + schema.qualify("certificate_event") + " ORDER BY sequence_number");
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

    /** A database at an older schema version, and the current test database beside it. */
    @FunctionalInterface
    interface BesideTheCurrent {
        void test(HikariDataSource current, HikariDataSource old) throws SQLException;
    }

    /** Runs the test with a new, migrated H2 database and a new, empty one to build an older schema in. */
    static void onH2WithAnOldDatabase(BesideTheCurrent test) throws SQLException {
        try (var current = h2InMemory();
                var old = pool("jdbc:h2:mem:old-" + NAMES.incrementAndGet(), 2)) {
            test.test(current, old);
        }
    }

    /**
     * Runs the test with the emptied, migrated PostgreSQL database and a pool on a new, empty schema of its own to
     * build an older schema in, dropped afterwards.
     */
    static void onPostgresWithAnOldDatabase(BesideTheCurrent test) throws SQLException {
        var current = postgres();
        empty(current);
        String schema = "old_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        execute(current, "CREATE SCHEMA " + schema);
        try (var old = pool(postgresUrl() + "&currentSchema=" + schema, 2)) {
            test.test(current, old);
        } finally {
            execute(current, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** Our migrations in a Flyway configuration of the test's own, to migrate to a chosen version. */
    static FluentConfiguration ourMigrations(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(JdbcMigrations.LOCATION)
                .table(JdbcMigrations.HISTORY_TABLE);
    }

    /** Executes one SQL statement on a connection of its own. */
    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
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
