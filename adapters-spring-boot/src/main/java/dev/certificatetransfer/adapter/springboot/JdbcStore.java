package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.springboot.CertificateTransferProperties.Jdbc;
import dev.certificatetransfer.port.out.EventPublisher;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The one place the starter calls the JDBC adapter: migrations, repository, relay and health check, each from the
 * {@code certificate-transfer.jdbc.*} properties. The adapter of this version has no schema name and no outbox
 * retention, so {@link #requireSupported} refuses those two properties at start rather than ignore them; when the
 * adapter has them, they are passed on here (and only here).
 */
final class JdbcStore {

    /** How long the health check waits for the database to answer. */
    private static final int HEALTH_TIMEOUT_SECONDS = 1;

    private JdbcStore() {}

    /** Refuses the properties this version of the JDBC adapter cannot honour. */
    static void requireSupported(Jdbc jdbc) {
        if (jdbc.schema() != null) {
            throw new IllegalStateException("certificate-transfer.jdbc.schema is not supported by this version of the"
                    + " JDBC adapter: leave it unset, and the tables are in the DataSource's default schema");
        }
        if (jdbc.relay().retention() != null) {
            throw new IllegalStateException("certificate-transfer.jdbc.relay.retention is not supported by this"
                    + " version of the JDBC adapter: leave it unset, and delivered events are kept");
        }
    }

    static void migrate(DataSource dataSource, Jdbc jdbc) {
        requireSupported(jdbc);
        JdbcMigrations.migrate(dataSource);
    }

    static JdbcCertificateRepository repository(DataSource dataSource, Jdbc jdbc) {
        requireSupported(jdbc);
        return new JdbcCertificateRepository(dataSource);
    }

    static OutboxRelay relay(DataSource dataSource, EventPublisher publisher, Jdbc jdbc) {
        requireSupported(jdbc);
        return new OutboxRelay(dataSource, publisher);
    }

    /**
     * Whether the database answers within a second, and which it is: the health indicator's details. Never throws:
     * a failure is the answer "down" with the SQLSTATE, never a message that could hold a secret.
     */
    static StoreHealth health(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var product = connection.getMetaData().getDatabaseProductName();
            return connection.isValid(HEALTH_TIMEOUT_SECONDS)
                    ? StoreHealth.up("jdbc (" + product + ")")
                    : StoreHealth.down("jdbc (" + product + ")", "the database does not answer");
        } catch (SQLException e) {
            return StoreHealth.down("jdbc", "no connection to the database (SQLSTATE " + e.getSQLState() + ")");
        } catch (RuntimeException e) { // a pool that throws unchecked (e.g. closed): still an answer, not a throw
            return StoreHealth.down(
                    "jdbc", "no connection to the database (" + e.getClass().getSimpleName() + ")");
        }
    }
}
