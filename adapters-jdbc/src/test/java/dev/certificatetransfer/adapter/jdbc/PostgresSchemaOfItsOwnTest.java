package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema of its own on PostgreSQL, beside a host's {@code certificate} table in {@code public}; and the two ways
 * an existing database gets there (README, "Migrations"): one migrated with {@code currentSchema} in its URL is
 * named with that schema, one migrated into {@code public} has its three tables moved by {@code ALTER TABLE ... SET
 * SCHEMA}.
 */
class PostgresSchemaOfItsOwnTest extends SchemaOfItsOwnContract {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.newPostgresDatabase("schema_of_its_own");
    }

    @Override
    String defaultSchema() {
        return "public";
    }

    @Test
    void a_database_migrated_with_current_schema_in_its_url_is_up_to_date_when_that_schema_is_named()
            throws SQLException {
        TestDatabases.execute(database, "CREATE SCHEMA certificate_transfer");
        String url = database.getJdbcUrl() + (database.getJdbcUrl().contains("?") ? "&" : "?")
                + "currentSchema=certificate_transfer";
        var id = (dev.certificatetransfer.domain.CertificateId) null;
        try (var old = TestDatabases.pool(url, 2)) {
            JdbcMigrations.migrate(old);
            id = register(old, JdbcSchema.CONNECTION_DEFAULT, 0);
        }
        var applied = history(database);

        JdbcMigrations.migrate(database, OWN);

        assertThat(history(database)).isEqualTo(applied).isNotEmpty();
        assertThat(new JdbcCertificateRepository(database, OWN).find(id).version())
                .isEqualTo(1);
        migrateTheHost(database);
        assertThat(TestDatabases.hostCertificates(database)).hasSize(1);
    }

    @Test
    void a_database_migrated_into_public_moves_to_a_schema_of_its_own_with_its_history() throws SQLException {
        JdbcMigrations.migrate(database);
        var before = register(database, JdbcSchema.CONNECTION_DEFAULT, 0);
        var applied = history(database, JdbcSchema.CONNECTION_DEFAULT);

        TestDatabases.execute(database, "CREATE SCHEMA certificate_transfer");
        for (String table : List.of(
                "certificate",
                "certificate_content",
                "certificate_pending_transfer",
                "certificate_event",
                "registry_thing",
                "registry_policy",
                "certificate_policy",
                "certificate_thing",
                "certificate_authority",
                JdbcMigrations.HISTORY_TABLE)) {
            TestDatabases.execute(database, "ALTER TABLE " + table + " SET SCHEMA certificate_transfer");
        }
        JdbcMigrations.migrate(database, OWN);

        assertThat(history(database)).isEqualTo(applied);
        var after = register(database, OWN, 1);
        var published = new RecordingEventPublisher();
        assertThat(OutboxRelay.builder(database, published).schema(OWN).build().deliverBatch(10))
                .isEqualTo(2);
        assertThat(published.events().map(e -> e.certificateId())).containsExactly(before, after);
        migrateTheHost(database);
        assertThat(TestDatabases.hostCertificates(database)).hasSize(1);
    }

    private static List<String> history(DataSource dataSource) {
        return history(dataSource, OWN);
    }

    /** The applied migrations the schema's history table records: version, description, checksum, success. */
    private static List<String> history(DataSource dataSource, JdbcSchema schema) {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT version, description, checksum, success FROM "
                        + schema.qualify(JdbcMigrations.HISTORY_TABLE) + " ORDER BY installed_rank")) {
            var found = new ArrayList<String>();
            while (rows.next()) {
                found.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
