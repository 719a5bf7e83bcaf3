package dev.certificatetransfer.examples.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The bare baseline of a JDBC transfer benchmark ({@link TransferCycles}): per operation only the durable writes a
 * cycle's commit needs, one conditional update of a narrow row at its version and one event insert, as the adapter
 * commits them (one auto-committed statement on PostgreSQL, a two-statement transaction elsewhere), on the same
 * database settings and pool; no reads, no service, no mapping. Each thread updates its own row, twice per cycle (a
 * transfer, then its cancellation), at 1, 2, 4 and 8 threads, so the library's cycle rate divided by this one is
 * its share of what the engine can do.
 */
public abstract class BaselineCycles {

    private static final String CREATE_ROWS = "CREATE TABLE baseline_row (id VARCHAR(64) NOT NULL, version BIGINT"
            + " NOT NULL, status VARCHAR(24) NOT NULL, last_modified_date BIGINT NOT NULL, CONSTRAINT baseline_row_pk"
            + " PRIMARY KEY (id))";
    private static final String CREATE_EVENTS = "CREATE TABLE baseline_event (sequence_number BIGINT GENERATED"
            + " ALWAYS AS IDENTITY, row_id VARCHAR(64) NOT NULL, version BIGINT NOT NULL, type VARCHAR(32) NOT NULL,"
            + " occurred_at BIGINT NOT NULL, CONSTRAINT baseline_event_pk PRIMARY KEY (sequence_number))";
    private static final String UPDATE =
            "UPDATE baseline_row SET version = ?, status = ?, last_modified_date = ? WHERE id = ? AND version = ?";
    private static final String INSERT = "INSERT INTO baseline_event (row_id, version, type, occurred_at)";

    private JdbcBenchmarkDatabases database;
    private DataSource dataSource;
    private boolean postgres;

    /** Uses the database, with one row per thread at version 0 in tables of the baseline's own. */
    void open(JdbcBenchmarkDatabases opened, boolean isPostgres) {
        open(opened, isPostgres, opened.dataSource());
    }

    /** The same, the cycles taking their connections from the given data source (one that counts, say). */
    void open(JdbcBenchmarkDatabases opened, boolean isPostgres, DataSource cycles) {
        database = opened;
        dataSource = cycles;
        postgres = isPostgres;
        try (var connection = opened.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(CREATE_ROWS);
            statement.execute(CREATE_EVENTS);
            for (int i = 1; i <= JdbcBenchmarkDatabases.POOL_SIZE; i++) {
                statement.execute("INSERT INTO baseline_row VALUES ('"
                        + JdbcBenchmarkDatabases.syntheticId(i).value() + "', 0, 'INACTIVE', 0)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() throws IOException {
        database.close();
    }

    /** The thread's own row and the version it is at. */
    @State(Scope.Thread)
    public static class OwnRow {
        String id;
        long version;

        @Setup(Level.Trial)
        public void pick(ThreadParams thread) {
            id = JdbcBenchmarkDatabases.syntheticId(thread.getThreadIndex() + 1).value();
            version = 0;
        }
    }

    /** A transfer's write, then its cancellation's, by one thread. */
    @Benchmark
    @Threads(1)
    public long transferThenCancelCycle1Thread(OwnRow own) throws SQLException {
        return cycle(own);
    }

    /** The same cycle by two threads, each on its own row. */
    @Benchmark
    @Threads(2)
    public long transferThenCancelCycle2Threads(OwnRow own) throws SQLException {
        return cycle(own);
    }

    /** The same cycle by four threads. */
    @Benchmark
    @Threads(4)
    public long transferThenCancelCycle4Threads(OwnRow own) throws SQLException {
        return cycle(own);
    }

    /** The same cycle by eight threads. */
    @Benchmark
    @Threads(8)
    public long transferThenCancelCycle8Threads(OwnRow own) throws SQLException {
        return cycle(own);
    }

    /** One cycle on the thread's row; also run outside JMH by the cycle analyses. */
    long cycle(OwnRow own) throws SQLException {
        write(own, "PENDING_TRANSFER", "TRANSFER_REQUESTED");
        write(own, "INACTIVE", "TRANSFER_CANCELLED");
        return own.version;
    }

    /** One durable commit: the row at its next version if it is still at the thread's, and the event. */
    private void write(OwnRow own, String status, String type) throws SQLException {
        long next = own.version + 1;
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection()) {
            if (postgres) {
                connection.setAutoCommit(true);
                try (var statement = connection.prepareStatement("WITH changed AS (" + UPDATE + " RETURNING id) "
                        + INSERT + " SELECT id, ?, ?, ? FROM changed")) {
                    bindUpdate(statement, own, next, status, now);
                    bindEvent(statement, 6, next, type, now);
                    expectOne(statement.executeUpdate());
                }
            } else {
                connection.setAutoCommit(false);
                try (var update = connection.prepareStatement(UPDATE);
                        var insert = connection.prepareStatement(INSERT + " VALUES (?, ?, ?, ?)")) {
                    bindUpdate(update, own, next, status, now);
                    expectOne(update.executeUpdate());
                    insert.setString(1, own.id);
                    bindEvent(insert, 2, next, type, now);
                    insert.executeUpdate();
                    connection.commit();
                }
            }
        }
        own.version = next;
    }

    private static void bindUpdate(PreparedStatement statement, OwnRow own, long next, String status, long now)
            throws SQLException {
        statement.setLong(1, next);
        statement.setString(2, status);
        statement.setLong(3, now);
        statement.setString(4, own.id);
        statement.setLong(5, own.version);
    }

    private static void bindEvent(PreparedStatement statement, int first, long version, String type, long now)
            throws SQLException {
        statement.setLong(first, version);
        statement.setString(first + 1, type);
        statement.setLong(first + 2, now);
    }

    private static void expectOne(int rows) {
        if (rows != 1) {
            throw new IllegalStateException("the row was not at the thread's version");
        }
    }
}
