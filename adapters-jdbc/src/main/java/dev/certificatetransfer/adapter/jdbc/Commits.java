package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL of a compare-and-set commit with its outbox row. A registration of an id never stored inserts the row;
 * every other change (a registration on a tombstone included) updates the row at the expected version, and a
 * deletion turns it into a tombstone at the new version.
 */
final class Commits {

    private static final String INSERT_CERTIFICATE = "INSERT INTO certificate (" + CertificateRows.ALL + ") VALUES (?, "
            + CertificateRows.STATE_PLACEHOLDERS + ")";
    private static final String UPDATE_CERTIFICATE =
            "UPDATE certificate SET " + CertificateRows.ASSIGNMENTS + " WHERE id = ? AND version = ?";
    private static final String INSERT_EVENT =
            "INSERT INTO certificate_event (" + EventRows.COLUMNS + ") VALUES (" + EventRows.PLACEHOLDERS + ")";

    /** PostgreSQL: the state change and the event in one statement (a data-modifying common table expression). */
    private static final String POSTGRES_INSERT = "WITH changed AS (" + INSERT_CERTIFICATE
            + " ON CONFLICT (id) DO NOTHING RETURNING id) INSERT INTO certificate_event (" + EventRows.COLUMNS
            + ") SELECT " + EventRows.PLACEHOLDERS + " FROM changed";

    private static final String POSTGRES_UPDATE = "WITH changed AS (" + UPDATE_CERTIFICATE
            + " RETURNING id) INSERT INTO certificate_event (" + EventRows.COLUMNS + ") SELECT "
            + EventRows.PLACEHOLDERS + " FROM changed";

    private Commits() {}

    /** One auto-committed statement: it inserts the event only if the state changed, and says how many it did. */
    static CommitOutcome inOneStatement(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        var arguments = stateArguments(change, insert);
        EventRows.bind(arguments, change.event());
        try (var statement = connection.prepareStatement(insert ? POSTGRES_INSERT : POSTGRES_UPDATE)) {
            arguments.bind(statement);
            return statement.executeUpdate() == 1 ? CommitOutcome.COMMITTED : CommitOutcome.CONFLICT;
        }
    }

    /**
     * Two statements in the caller's transaction: the state, then (if it changed) the event. A lost race rolls the
     * transaction back itself, so the caller's commit is empty.
     */
    static CommitOutcome inTwoStatements(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        if (!changeState(connection, change, insert)) {
            connection.rollback();
            return CommitOutcome.CONFLICT;
        }
        var arguments = new SqlArguments();
        EventRows.bind(arguments, change.event());
        try (var statement = connection.prepareStatement(INSERT_EVENT)) {
            arguments.bind(statement);
            statement.executeUpdate();
        }
        return CommitOutcome.COMMITTED;
    }

    private static boolean changeState(Connection connection, CertificateChange change, boolean insert)
            throws SQLException {
        try (var statement = connection.prepareStatement(insert ? INSERT_CERTIFICATE : UPDATE_CERTIFICATE)) {
            stateArguments(change, insert).bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (insert && Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The state columns' arguments: the id first for an insert, the id and expected version last for an update. */
    private static SqlArguments stateArguments(CertificateChange change, boolean insert) {
        var arguments = new SqlArguments();
        if (insert) {
            arguments.text(change.certificateId().value());
        }
        CertificateRows.state(arguments, change.after(), change.newVersion());
        if (!insert) {
            arguments.text(change.certificateId().value()).number(change.expectedVersion());
        }
        return arguments;
    }
}
