package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.JdbcAuthorityStore;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcHealthCheck;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.adapter.jdbc.JdbcSchema;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.springboot.CertificateTransferProperties.Jdbc;
import dev.certificatetransfer.port.out.EventPublisher;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The one place the starter calls the JDBC adapter: migrations, repository, relay and health check, each from the
 * {@code certificate-transfer.jdbc.*} properties (the schema of the tables, the relay's retention of delivered
 * events).
 */
final class JdbcStore {

    private JdbcStore() {}

    /** The schema the properties name, or the connection's default. */
    static JdbcSchema schema(Jdbc jdbc) {
        return jdbc.schema() == null ? JdbcSchema.CONNECTION_DEFAULT : JdbcSchema.named(jdbc.schema());
    }

    static void migrate(DataSource dataSource, Jdbc jdbc) {
        JdbcMigrations.migrate(dataSource, schema(jdbc));
    }

    static JdbcCertificateRepository repository(DataSource dataSource, Jdbc jdbc) {
        return new JdbcCertificateRepository(dataSource, schema(jdbc));
    }

    static JdbcAuthorityStore authority(DataSource dataSource, Jdbc jdbc) {
        return new JdbcAuthorityStore(dataSource, schema(jdbc));
    }

    static OutboxRelay relay(DataSource dataSource, EventPublisher publisher, Jdbc jdbc) {
        var relay = OutboxRelay.builder(dataSource, publisher).schema(schema(jdbc));
        if (jdbc.relay().retention() != null) {
            relay.retention(jdbc.relay().retention());
        }
        return relay.build();
    }

    /**
     * The JDBC adapter's health check: whether the database answers, and the outbox's backlog when there is a relay.
     * Never throws; a failure is "down" with the step and the SQLSTATE, never a message that could hold a secret.
     */
    static StoreHealth health(DataSource dataSource, OutboxRelay relay, String product) {
        var store = "jdbc (" + product + ")";
        var check =
                relay == null ? new JdbcHealthCheck(dataSource, store) : new JdbcHealthCheck(dataSource, store, relay);
        var health = check.check();
        return new StoreHealth(
                Option.some(health.up()),
                health.store(),
                health.detail(),
                health.backlog().getOrNull());
    }

    /**
     * The database's product name ("H2", "PostgreSQL"), or none when it cannot be asked now (the health check itself
     * says why). It opens a connection: ask once, and again only until it answers.
     */
    static Option<String> product(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return Option.some(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException unreachable) {
            return Option.none();
        }
    }
}
