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

    private final String insertCertificate;
    private final String updateCertificate;
    private final String insertEvent;

    /** PostgreSQL: the state change and the event in one statement (a data-modifying common table expression). */
    private final String postgresInsert;

    private final String postgresUpdate;

    Commits(JdbcSchema schema) {
        String certificate = schema.qualify("certificate");
        String outbox = schema.qualify("certificate_event");
        insertCertificate = "INSERT INTO " + certificate + " (" + CertificateRows.ALL + ") VALUES (?, "
                + CertificateRows.STATE_PLACEHOLDERS + ")";
        updateCertificate =
                "UPDATE " + certificate + " SET " + CertificateRows.ASSIGNMENTS + " WHERE id = ? AND version = ?";
        insertEvent = "INSERT INTO " + outbox + " (" + EventRows.COLUMNS + ") VALUES (" + EventRows.PLACEHOLDERS + ")";
        postgresInsert = "WITH changed AS (" + insertCertificate + " ON CONFLICT (id) DO NOTHING RETURNING id)"
                + " INSERT INTO " + outbox + " (" + EventRows.COLUMNS + ") SELECT " + EventRows.PLACEHOLDERS
                + " FROM changed";
        postgresUpdate = "WITH changed AS (" + updateCertificate + " RETURNING id) INSERT INTO " + outbox + " ("
                + EventRows.COLUMNS + ") SELECT " + EventRows.PLACEHOLDERS + " FROM changed";
    }

    /** One auto-committed statement: it inserts the event only if the state changed, and says how many it did. */
    CommitOutcome inOneStatement(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        var arguments = stateArguments(change, insert);
        EventRows.bind(arguments, change.event());
        try (var statement = connection.prepareStatement(insert ? postgresInsert : postgresUpdate)) {
            arguments.bind(statement);
            return statement.executeUpdate() == 1 ? CommitOutcome.COMMITTED : CommitOutcome.CONFLICT;
        }
    }

    /**
     * Two statements in the caller's transaction: the state, then (if it changed) the event. A lost race rolls the
     * transaction back itself, so the caller's commit is empty.
     */
    CommitOutcome inTwoStatements(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        if (!changeState(connection, change, insert)) {
            connection.rollback();
            return CommitOutcome.CONFLICT;
        }
        var arguments = new SqlArguments();
        EventRows.bind(arguments, change.event());
        try (var statement = connection.prepareStatement(insertEvent)) {
            arguments.bind(statement);
            statement.executeUpdate();
        }
        return CommitOutcome.COMMITTED;
    }

    private boolean changeState(Connection connection, CertificateChange change, boolean insert) throws SQLException {
        try (var statement = connection.prepareStatement(insert ? insertCertificate : updateCertificate)) {
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
