package dev.certificatetransfer.adapter.jdbc;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The schema of this adapter, as versioned SQL in the jar at {@link #LOCATION} (Flyway's layout), shared by H2 and
 * PostgreSQL. {@link #migrate} applies what is missing, recording it in its own history table
 * ({@link #HISTORY_TABLE}), so it coexists with a host's own Flyway migrations in the same schema. A host that runs
 * Flyway itself runs a second Flyway with this location and table, or adds the location to its own.
 */
public final class JdbcMigrations {

    /** Where the migrations are on the classpath. */
    public static final String LOCATION = "classpath:db/migration/certificate-transfer";

    /** The Flyway history table of these migrations. */
    public static final String HISTORY_TABLE = "certificate_transfer_schema_history";

    private JdbcMigrations() {}

    /**
     * Brings the data source's default schema up to the newest version; a schema that is up to date is left alone.
     *
     * @param dataSource the database
     * @throws org.flywaydb.core.api.FlywayException if a migration fails, or the applied ones do not match these
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
