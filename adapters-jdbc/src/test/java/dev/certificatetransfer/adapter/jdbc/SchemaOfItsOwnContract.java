package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A host whose own Flyway has made a table called {@code certificate} in the connection's default schema: this
 * adapter's tables and migration history go to a schema of their own, and neither side touches the other's.
 */
abstract class SchemaOfItsOwnContract {

    static final JdbcSchema OWN = TestDatabases.OWN_SCHEMA;

    /** A new, empty database; the test closes it. */
    abstract HikariDataSource newDatabase();

    /** The name the database reports for the connection's default schema, in lower case. */
    abstract String defaultSchema();

    protected HikariDataSource database;

    @BeforeEach
    void openDatabase() {
        database = newDatabase();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void migrating_into_the_connections_default_schema_fails_on_the_hosts_certificate_table() {
        migrateTheHost(database);
        assertThatThrownBy(() -> JdbcMigrations.migrate(database)).isInstanceOf(FlywayException.class);
        assertThat(TestDatabases.hostCertificates(database)).containsExactly("01:02:03=the host's own row");
    }

    @Test
    void in_a_schema_of_their_own_the_tables_and_their_history_live_beside_the_hosts() {
        migrateTheHost(database);
        JdbcMigrations.migrate(database, OWN);
        JdbcMigrations.migrate(database, OWN);
        migrateTheHost(database);

        String host = defaultSchema() + ".";
        assertThat(tables(database))
                .containsExactlyInAnyOrder(
                        host + "certificate",
                        host + "flyway_schema_history",
                        "certificate_transfer.certificate",
                        "certificate_transfer.certificate_event",
                        "certificate_transfer.certificate_content",
                        "certificate_transfer.certificate_pending_transfer",
                        "certificate_transfer.certificate_transfer_schema_history");

        var id = register(database, OWN, 0);
        var published = new RecordingEventPublisher();
        var relay = OutboxRelay.builder(database, published).schema(OWN).build();
        assertThat(relay.deliverBatch(10)).isEqualTo(1);
        assertThat(published.events().map(e -> e.certificateId())).containsExactly(id);
        assertThat(relay.backlog().isEmpty()).isTrue();
        assertThat(TestDatabases.hostCertificates(database)).containsExactly("01:02:03=the host's own row");
    }

    /**
     * The host's own Flyway at its defaults (location {@code db/migration}, history {@code flyway_schema_history}), as
     * Spring Boot runs it: it must find the host's V1 only, never the adapter's migrations (with ours on the class
     * path too, two V1 would stop it).
     */
    static void migrateTheHost(DataSource dataSource) {
        var applied = Flyway.configure().dataSource(dataSource).load().migrate();
        assertThat(applied.migrations)
                .extracting(migration -> migration.filepath)
                .allSatisfy(path -> assertThat(path).endsWith("V1__host_certificates.sql"));
    }

    static CertificateId register(DataSource dataSource, JdbcSchema schema, int index) {
        return Services.on(dataSource, schema)
                .registerCertificateWithoutCa(
                        principal(ALICE), TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
    }

    /** The tables named like the adapter's, the host's and the two histories, as {@code schema.table}. */
    static List<String> tables(DataSource dataSource) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT LOWER(table_schema), LOWER(table_name)"
                        + " FROM information_schema.tables WHERE LOWER(table_name) IN ('certificate',"
                        + " 'certificate_event', 'certificate_content', 'certificate_pending_transfer',"
                        + " 'certificate_transfer_schema_history', 'flyway_schema_history')")) {
            var found = new ArrayList<String>();
            while (rows.next()) {
                found.add(rows.getString(1) + "." + rows.getString(2));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
