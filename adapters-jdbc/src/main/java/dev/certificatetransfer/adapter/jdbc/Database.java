package dev.certificatetransfer.adapter.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The host's {@link DataSource}, used one short unit of work at a time: each unit borrows a connection and gives it
 * back. A unit that fails with a serialization failure or a deadlock (SQLSTATE {@code 40001}, {@code 40P01}) wrote
 * nothing and is run again, up to {@link #MAX_ATTEMPTS} times with jittered exponential backoff; every other
 * failure, and the last retryable one, becomes a {@link JdbcRepositoryException}.
 */
final class Database {

    /** How many times a unit of work is tried before its serialization failure surfaces. */
    static final int MAX_ATTEMPTS = 5;

    static final String UNIQUE_VIOLATION = "23505";

    private static final long FIRST_BACKOFF_MICROS = 500;

    /** One unit of work on a borrowed connection. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private volatile Boolean postgres;

    Database(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Whether the database is PostgreSQL, whose dialect allows one round trip per commit; asked once. */
    boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = withRetries(
                    "Reading the database's product name",
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    /** Runs the work with the connection in auto-commit mode: each statement is its own transaction. */
    <T> T autoCommitted(String what, Work<T> work) {
        return withRetries(what, connection -> {
            connection.setAutoCommit(true);
            return work.run(connection);
        });
    }

    /**
     * Runs the work in one transaction and commits it; rolls it back if the work throws. Work that decides not to
     * write rolls back itself, and its empty transaction is then committed.
     */
    <T> T inTransaction(String what, Work<T> work) {
        return withRetries(what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        });
    }

    private <T> T withRetries(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                if (!isRetryable(e) || attempt >= MAX_ATTEMPTS) {
                    throw new JdbcRepositoryException(what + " failed after " + attempt + " attempt(s)", e);
                }
                backOff(attempt);
            }
        }
    }

    static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** Sleeps a random time up to 0.5 ms, 1 ms, 2 ms, ... (full jitter), so racing retries spread out. */
    private static void backOff(int attempt) {
        long ceiling = FIRST_BACKOFF_MICROS << Math.min(attempt - 1, 10);
        LockSupport.parkNanos(
                TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextLong(ceiling + 1)));
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
