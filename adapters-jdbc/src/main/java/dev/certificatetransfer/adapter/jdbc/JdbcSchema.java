package dev.certificatetransfer.adapter.jdbc;

import io.vavr.control.Option;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The database schema that holds this adapter's tables ({@code certificate}, {@code certificate_event}) and its
 * migration history ({@link JdbcMigrations#HISTORY_TABLE}): either the connection's own default schema
 * ({@link #CONNECTION_DEFAULT}, as a URL or the database sets it), or a schema of its own, {@link #named} (its tables
 * then live beside a host's table of the same name in another schema). The repository, the migrations, the relay and
 * the health check of one database must be given the same schema.
 *
 * <p>A name is an identifier, never SQL: 1 to 63 characters of lower-case ASCII letters, digits and {@code _},
 * starting with a letter or {@code _} (so it means the same on PostgreSQL and on H2, which fold unquoted names to
 * opposite cases). It is quoted wherever it is written into SQL.
 */
public final class JdbcSchema {

    /** The schema a connection uses when a table's name is not qualified: the tables' names are left bare. */
    public static final JdbcSchema CONNECTION_DEFAULT = new JdbcSchema(null);

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String name;

    private JdbcSchema(String name) {
        this.name = name;
    }

    /**
     * A schema of its own; {@link JdbcMigrations#migrate(javax.sql.DataSource, JdbcSchema)} creates it if it is
     * missing.
     *
     * @param name the schema's name, such as {@code certificate_transfer}
     * @return the schema
     * @throws IllegalArgumentException if the name is not 1 to 63 of {@code a-z}, {@code 0-9} and {@code _}, starting
     *     with a letter or {@code _}
     * @throws NullPointerException if it is null
     */
    public static JdbcSchema named(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a schema name is 1 to 63 of a-z, 0-9 and _, starting with a letter"
                    + " or _; got a name of " + name.length() + " characters that is not");
        }
        return new JdbcSchema(name);
    }

    /**
     * The schema's name.
     *
     * @return the name given to {@link #named}, or none for {@link #CONNECTION_DEFAULT}
     */
    public Option<String> name() {
        return Option.of(name);
    }

    /** The table's name as this adapter's SQL writes it: bare, or after the quoted schema name. */
    String qualify(String table) {
        return name == null ? table : "\"" + name + "\"." + table;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JdbcSchema schema && Objects.equals(name, schema.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return name == null ? "JdbcSchema[connection default]" : "JdbcSchema[" + name + "]";
    }
}
