package dev.certificatetransfer.adapter.jdbc;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * The schema of this adapter, as versioned SQL in the jar at {@link #LOCATION} (Flyway's layout), shared by H2 and
 * PostgreSQL. {@link #migrate} applies what is missing, recording it in its own history table
 * ({@link #HISTORY_TABLE}, never Flyway's default {@code flyway_schema_history}), so it coexists with a host's own
 * Flyway migrations. The tables go to the connection's default schema, or to a schema of their own
 * ({@link JdbcSchema#named}), which keeps them apart from a host's tables of the same names.
 *
 * <p>A host that runs Flyway itself calls {@link #migrate}, or runs a second Flyway with this location and history
 * table (and, for a schema of its own, that schema as Flyway's {@code schemas} and {@code defaultSchema}); it does
 * not add the location to its own Flyway, whose history would then mix both sets of versions.
 */
public final class JdbcMigrations {

    /** Where the migrations are on the classpath. */
    public static final String LOCATION = "classpath:db/certificate-transfer";

    /** The Flyway history table of these migrations, in the schema of the tables. */
    public static final String HISTORY_TABLE = "certificate_transfer_schema_history";

    private JdbcMigrations() {}

    /**
     * Brings the data source's default schema up to the newest version; a schema that is up to date is left alone.
     *
     * @param dataSource the database
     * @throws org.flywaydb.core.api.FlywayException if a migration fails, or the applied ones do not match these
     * @throws NullPointerException if it is null
     */
    public static void migrate(DataSource dataSource) {
        migrate(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    /**
     * Brings the schema up to the newest version, creating a named schema that is missing; a schema that is up to
     * date is left alone. The history table is in that schema too, so no other schema is read or written.
     *
     * @param dataSource the database
     * @param schema where the tables and their history are
     * @throws org.flywaydb.core.api.FlywayException if a migration fails, or the applied ones do not match these
     * @throws NullPointerException if either is null
     */
    public static void migrate(DataSource dataSource, JdbcSchema schema) {
        var configuration = Flyway.configure()
                .dataSource(java.util.Objects.requireNonNull(dataSource, "dataSource"))
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0");
        for (String name : schema.name()) {
            configuration.schemas(name).defaultSchema(name);
        }
        configuration.load().migrate();
    }
}
