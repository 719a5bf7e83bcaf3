package dev.certificatetransfer.adapter.jdbc;

import static org.awaitility.Awaitility.await;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.testing.RegistryRepositoryContract;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A transaction of its own that holds a registry row ({@code SELECT ... FOR UPDATE}), so that the writers of the row
 * (an attach of the policy or thing, its deletion) wait for it; {@link #awaitHeld} asks the database how many
 * sessions wait for this one (PostgreSQL's {@code pg_blocking_pids}, where a second waiter waits for the first one's
 * tuple lock; H2's {@code INFORMATION_SCHEMA.SESSIONS}), so a race starts once every racer is in it.
 */
final class HeldRow implements RegistryRepositoryContract.Hold {

    private final DataSource dataSource;
    private final Connection connection;
    private final boolean postgres;
    private final long holder;
    private boolean released;

    private HeldRow(DataSource dataSource, Connection connection, boolean postgres, long holder) {
        this.dataSource = dataSource;
        this.connection = connection;
        this.postgres = postgres;
        this.holder = holder;
    }

    /** Locks the owner's row of that name in the table until {@link #close}. */
    static HeldRow lock(DataSource dataSource, JdbcSchema schema, AccountId owner, String table, String name) {
        return hold(
                dataSource, (connection, postgres) -> lockRow(connection, schema, owner, table, name, "FOR UPDATE"));
    }

    /**
     * An attach of the policy to the certificate, half done as the repository does it: the policy's row locked (on
     * PostgreSQL {@code FOR KEY SHARE}, on H2 {@code FOR UPDATE}) and the attachment's row inserted, until
     * {@link #commit} or {@link #close}. The certificate's own row is left alone.
     */
    static HeldRow attaching(
            DataSource dataSource, JdbcSchema schema, AccountId owner, PolicyName policy, CertificateId certificate) {
        return hold(dataSource, (connection, postgres) -> {
            lockRow(
                    connection,
                    schema,
                    owner,
                    "registry_policy",
                    policy.value(),
                    postgres ? "FOR KEY SHARE" : "FOR UPDATE");
            new SqlArguments()
                    .text(owner.value())
                    .text(policy.value())
                    .text(certificate.value())
                    .update(
                            connection,
                            "INSERT INTO " + schema.qualify("certificate_policy")
                                    + " (owner, policy_name, certificate_id) VALUES (?, ?, ?)");
        });
    }

    /** Work done in the held transaction. */
    @FunctionalInterface
    private interface Holding {
        void start(Connection connection, boolean postgres) throws SQLException;
    }

    private static HeldRow hold(DataSource dataSource, Holding holding) {
        try {
            var connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            holding.start(connection, postgres);
            try (var statement = connection.createStatement();
                    var row = statement.executeQuery(postgres ? "SELECT pg_backend_pid()" : "SELECT SESSION_ID()")) {
                row.next();
                return new HeldRow(dataSource, connection, postgres, row.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void lockRow(
            Connection connection, JdbcSchema schema, AccountId owner, String table, String name, String lock)
            throws SQLException {
        var locked = new SqlArguments()
                .text(owner.value())
                .text(name)
                .exists(connection, "SELECT 1 FROM " + schema.qualify(table) + " WHERE owner = ? AND name = ? " + lock);
        if (!locked) {
            throw new IllegalStateException("no row " + name + " of " + owner + " in " + table);
        }
    }

    /** Commits what the held transaction did, and lets the writers go. */
    synchronized void commit() {
        released = true;
        try (connection) {
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void awaitHeld(int writers) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> waiting() >= writers);
    }

    private long waiting() throws SQLException {
        String sql = postgres
                ? "WITH RECURSIVE held(pid) AS (SELECT pid FROM pg_stat_activity"
                        + " WHERE ? = ANY(pg_blocking_pids(pid)) UNION SELECT a.pid FROM pg_stat_activity a"
                        + " JOIN held h ON h.pid = ANY(pg_blocking_pids(a.pid))) SELECT COUNT(*) FROM held"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = ?";
        try (var other = dataSource.getConnection();
                var statement = other.prepareStatement(sql)) {
            if (postgres) {
                statement.setInt(1, (int) holder);
            } else {
                statement.setLong(1, holder);
            }
            try (var row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
