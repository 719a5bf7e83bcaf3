package dev.certificatetransfer.adapter.jdbc;

import io.vavr.control.Option;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Whether the database behind the repository can serve now, for a host's health endpoint: it borrows a connection
 * and asks the driver whether it is valid (waiting at most a second, plus the pool's own connection timeout), and,
 * given the {@link OutboxRelay} of the same outbox, reads its {@link OutboxRelay#backlog()}, which also proves the
 * tables are there. {@link #check()} never throws: every failure is a down {@link JdbcHealth} whose detail names the
 * step and the SQLSTATE only. A large backlog does not make it down; the host decides what backlog is too much.
 *
 * <p>Thread-safe when the data source is; it keeps no state between checks.
 */
public final class JdbcHealthCheck {

    private static final int VALID_TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;
    private final String store;
    private final OutboxRelay relay; // null: no backlog

    /**
     * A check of the connection only.
     *
     * @param dataSource the database
     * @param store how the answer names the store, such as {@code postgresql}; never a secret
     * @throws NullPointerException if either is null
     */
    public JdbcHealthCheck(DataSource dataSource, String store) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.store = Objects.requireNonNull(store, "store");
        this.relay = null;
    }

    /**
     * A check of the connection and of the outbox the relay delivers, whose backlog each up answer carries.
     *
     * @param dataSource the database
     * @param store how the answer names the store, such as {@code postgresql}; never a secret
     * @param relay the relay of the outbox (started or not; the check only reads its backlog)
     * @throws NullPointerException if any is null
     */
    public JdbcHealthCheck(DataSource dataSource, String store, OutboxRelay relay) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.store = Objects.requireNonNull(store, "store");
        this.relay = Objects.requireNonNull(relay, "relay");
    }

    /**
     * The state of the database now.
     *
     * @return up (with the backlog, when there is a relay), or down with why; never thrown
     */
    public JdbcHealth check() {
        try (var connection = dataSource.getConnection()) {
            if (!connection.isValid(VALID_TIMEOUT_SECONDS)) {
                return JdbcHealth.down(store, "the database does not answer");
            }
        } catch (SQLException e) {
            return JdbcHealth.down(store, "no connection to the database (SQLSTATE " + e.getSQLState() + ")");
        } catch (RuntimeException e) {
            return JdbcHealth.down(
                    store, "no connection to the database (" + e.getClass().getSimpleName() + ")");
        }
        if (relay == null) {
            return JdbcHealth.up(store, Option.none());
        }
        try {
            return JdbcHealth.up(store, Option.some(relay.backlog()));
        } catch (JdbcRepositoryException e) {
            return JdbcHealth.down(store, "the outbox cannot be read (SQLSTATE " + e.sqlState() + ")");
        } catch (RuntimeException e) {
            return JdbcHealth.down(
                    store, "the outbox cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
