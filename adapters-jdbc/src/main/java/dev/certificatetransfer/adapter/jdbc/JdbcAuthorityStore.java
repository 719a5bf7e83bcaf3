package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.port.out.AuthorityStore;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * An {@link AuthorityStore} in the {@code certificate_authority} table that {@link JdbcMigrations} created (migration
 * V5), beside a {@link JdbcCertificateRepository} of the same data source and {@link JdbcSchema}: one row, which the
 * first {@link #saveIfAbsent} inserts (docs/behaviour.md#16-certificates-the-deployment-issues). Processes that share
 * the database and start at once each insert theirs if the row is absent, and the row's primary key lets one in;
 * each then reads back the one stored. The private key is stored as given; no message, log line or exception of this
 * class holds it. Thread-safe when the data source is.
 */
public final class JdbcAuthorityStore implements AuthorityStore {

    /** The longest PEM text the table holds, of the certificate and of the key. */
    static final int MAX_PEM_LENGTH = 65536;

    private final Database database;
    private final String load;
    private final String insert;

    /**
     * A store in the connection's default schema, migrated by {@link JdbcMigrations#migrate}.
     *
     * @param dataSource the database, typically the repository's connection pool
     * @throws NullPointerException if it is null
     */
    public JdbcAuthorityStore(DataSource dataSource) {
        this(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    /**
     * A store in the given schema, migrated by {@link JdbcMigrations#migrate(DataSource, JdbcSchema)} with the same
     * schema.
     *
     * @param dataSource the database, typically the repository's connection pool
     * @param schema where the tables are
     * @throws NullPointerException if either is null
     */
    public JdbcAuthorityStore(DataSource dataSource, JdbcSchema schema) {
        this.database = new Database(dataSource);
        String table = Objects.requireNonNull(schema, "schema").qualify("certificate_authority");
        this.load = "SELECT certificate_pem, private_key_pem FROM " + table + " WHERE id = 1";
        this.insert = "INSERT INTO " + table + " (id, certificate_pem, private_key_pem) VALUES (1, ?, ?)";
    }

    @Override
    public Option<StoredAuthority> load() {
        return database.autoCommitted("Loading the certificate authority", this::stored);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a PEM text is longer than the table holds (65536 characters)
     */
    @Override
    public StoredAuthority saveIfAbsent(StoredAuthority authority) {
        if (authority.certificatePem().length() > MAX_PEM_LENGTH
                || authority.privateKeyPem().length() > MAX_PEM_LENGTH) {
            throw new IllegalArgumentException(
                    "a stored authority's PEM texts are at most " + MAX_PEM_LENGTH + " characters each");
        }
        String sql = database.isPostgres() ? insert + " ON CONFLICT (id) DO NOTHING" : insert;
        return database.autoCommitted("Storing the certificate authority", connection -> {
            insertIfAbsent(connection, sql, authority);
            return stored(connection)
                    .getOrElseThrow(() -> new IllegalStateException(
                            "the certificate authority's row is gone right after it was stored"));
        });
    }

    /** Inserts the row unless it is there: PostgreSQL does nothing on the conflict, H2 refuses the duplicate key. */
    private static void insertIfAbsent(Connection connection, String sql, StoredAuthority authority)
            throws SQLException {
        var values = new SqlArguments().text(authority.certificatePem()).text(authority.privateKeyPem());
        try {
            values.update(connection, sql);
        } catch (SQLException e) {
            if (!Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private Option<StoredAuthority> stored(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(load);
                var row = statement.executeQuery()) {
            return row.next() ? Option.some(new StoredAuthority(row.getString(1), row.getString(2))) : Option.none();
        }
    }
}
