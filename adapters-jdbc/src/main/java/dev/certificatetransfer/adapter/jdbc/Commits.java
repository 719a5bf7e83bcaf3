package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.adapter.jdbc.AttachmentRows.Diff;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL of a compare-and-set commit with its outbox row. A registration of an id never stored inserts the
 * {@code certificate} row; every other change (a registration on a tombstone included) updates it at the expected
 * version, and a deletion turns it into a tombstone at the new version. Beside it, and only when they change, the
 * change writes the certificate's content (a registration inserts it, a deletion deletes it) and the keys of its
 * pending transfer (a request inserts them, the transfer's end deletes them); a transfer and its cancellation thus
 * rewrite one narrow row whose indexed columns they leave alone, which PostgreSQL updates in place (HOT). A change
 * that attaches or detaches a policy or thing (or deletes a certificate that has some) also writes the attachment
 * rows ({@link AttachmentWrites}), and conflicts if a policy or thing it attaches is gone; the others write none.
 */
final class Commits {

    /** What a change writes to a row beside the certificate's own. */
    enum RowWrite {
        NONE,
        INSERT,
        UPDATE,
        DELETE
    }

    private final String insertCertificate;
    private final String updateCertificate;
    private final String insertEvent;
    private final Map<RowWrite, String> contentStatements;
    private final Map<RowWrite, String> pendingStatements;
    private final Map<RowWrite, String> contentInStatement;
    private final Map<RowWrite, String> pendingInStatement;
    private final String eventInStatement;
    private final AttachmentWrites attachmentWrites;

    /** PostgreSQL: the whole change in one statement, for a new id, by content write, then pending write. */
    private final Map<RowWrite, Map<RowWrite, String>> postgresInserts = new EnumMap<>(RowWrite.class);

    /** PostgreSQL: the whole change in one statement, for a stored id, by content write, then pending write. */
    private final Map<RowWrite, Map<RowWrite, String>> postgresUpdates = new EnumMap<>(RowWrite.class);

    Commits(JdbcSchema schema) {
        String certificate = schema.qualify("certificate");
        String content = schema.qualify("certificate_content");
        String pending = schema.qualify("certificate_pending_transfer");
        String outbox = schema.qualify("certificate_event");
        insertCertificate = "INSERT INTO " + certificate + " (id, " + CertificateRows.STATE + ") VALUES (?, "
                + CertificateRows.STATE_PLACEHOLDERS + ")";
        updateCertificate =
                "UPDATE " + certificate + " SET " + CertificateRows.ASSIGNMENTS + " WHERE id = ? AND version = ?";
        insertEvent = "INSERT INTO " + outbox + " (" + EventRows.COLUMNS + ") VALUES (" + EventRows.PLACEHOLDERS + ")";
        contentStatements = besideStatements(
                content,
                CertificateRows.CONTENT,
                CertificateRows.CONTENT_PLACEHOLDERS,
                CertificateRows.CONTENT_ASSIGNMENTS);
        pendingStatements = besideStatements(
                pending,
                PendingTransferRows.COLUMNS,
                PendingTransferRows.PLACEHOLDERS,
                PendingTransferRows.ASSIGNMENTS);
        contentInStatement = besideInStatement(
                content,
                CertificateRows.CONTENT,
                CertificateRows.CONTENT_PLACEHOLDERS,
                CertificateRows.CONTENT_ASSIGNMENTS);
        pendingInStatement = besideInStatement(
                pending,
                PendingTransferRows.COLUMNS,
                PendingTransferRows.PLACEHOLDERS,
                PendingTransferRows.ASSIGNMENTS);
        eventInStatement = " INSERT INTO " + outbox + " (" + EventRows.COLUMNS + ") SELECT " + EventRows.PLACEHOLDERS
                + " FROM changed";
        attachmentWrites = new AttachmentWrites(schema);
        for (RowWrite contentWrite : RowWrite.values()) {
            Map<RowWrite, String> inserts = new EnumMap<>(RowWrite.class);
            Map<RowWrite, String> updates = new EnumMap<>(RowWrite.class);
            for (RowWrite pendingWrite : RowWrite.values()) {
                String beside = with("content_written", contentInStatement.get(contentWrite))
                        + with("pending_written", pendingInStatement.get(pendingWrite));
                inserts.put(
                        pendingWrite,
                        "WITH changed AS (" + insertCertificate + " ON CONFLICT (id) DO NOTHING RETURNING id)" + beside
                                + eventInStatement);
                updates.put(
                        pendingWrite,
                        "WITH changed AS (" + updateCertificate + " RETURNING id)" + beside + eventInStatement);
            }
            postgresInserts.put(contentWrite, inserts);
            postgresUpdates.put(contentWrite, updates);
        }
    }

    /** One auto-committed statement: it writes the rest only if the state changed, and says whether it did. */
    CommitOutcome inOneStatement(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        RowWrite content = contentWrite(change);
        RowWrite pending = pendingWrite(change);
        var attachments = Diff.of(change);
        if (!attachments.isEmpty()) {
            return withAttachmentsInOneStatement(connection, change, content, pending, attachments);
        }
        var arguments = stateArguments(new SqlArguments(), change, insert);
        besideArguments(arguments, change, content, pending);
        EventRows.bind(arguments, change.event());
        String sql = (insert ? postgresInserts : postgresUpdates).get(content).get(pending);
        try (var statement = connection.prepareStatement(sql)) {
            arguments.bind(statement);
            return statement.executeUpdate() == 1 ? CommitOutcome.COMMITTED : CommitOutcome.CONFLICT;
        }
    }

    /**
     * One auto-committed statement that also locks the policies and things the change attaches, changes the state
     * only if it found them all, and writes the attachment rows.
     */
    private CommitOutcome withAttachmentsInOneStatement(
            Connection connection, CertificateChange change, RowWrite content, RowWrite pending, Diff attachments)
            throws SQLException {
        if (change.expectedVersion() == 0) {
            throw new IllegalArgumentException(
                    "a registration attaches nothing: " + change.event().type());
        }
        var arguments = new SqlArguments();
        String sql = "WITH " + attachmentWrites.locks(attachments, arguments) + "changed AS (" + updateCertificate
                + AttachmentWrites.lockedConditions(attachments) + " RETURNING id)"
                + with("content_written", contentInStatement.get(content))
                + with("pending_written", pendingInStatement.get(pending));
        stateArguments(arguments, change, false);
        besideArguments(arguments, change, content, pending);
        sql += attachmentWrites.writes(attachments, arguments) + eventInStatement;
        EventRows.bind(arguments, change.event());
        return arguments.update(connection, sql) == 1 ? CommitOutcome.COMMITTED : CommitOutcome.CONFLICT;
    }

    /**
     * Statements in the caller's transaction: the state, then (if it changed) the attachment rows, the rows beside it
     * and the event. A lost race, or an attach whose policy or thing is gone, rolls the transaction back itself, so the
     * caller's commit is empty.
     */
    CommitOutcome inTwoStatements(Connection connection, CertificateChange change) throws SQLException {
        boolean insert = change.expectedVersion() == 0;
        var attachments = Diff.of(change);
        if (!changeState(connection, change, insert)
                || (!attachments.isEmpty()
                        && !attachmentWrites.inTransaction(
                                connection, change.certificateId().value(), attachments))) {
            connection.rollback();
            return CommitOutcome.CONFLICT;
        }
        RowWrite content = contentWrite(change);
        if (content != RowWrite.NONE) {
            var arguments = new SqlArguments();
            besideArguments(arguments, change, content, RowWrite.NONE);
            execute(
                    connection,
                    contentStatements.get(content),
                    arguments.text(change.certificateId().value()));
        }
        RowWrite pending = pendingWrite(change);
        if (pending != RowWrite.NONE) {
            var arguments = new SqlArguments();
            besideArguments(arguments, change, RowWrite.NONE, pending);
            execute(
                    connection,
                    pendingStatements.get(pending),
                    arguments.text(change.certificateId().value()));
        }
        var arguments = new SqlArguments();
        EventRows.bind(arguments, change.event());
        execute(connection, insertEvent, arguments);
        return CommitOutcome.COMMITTED;
    }

    /** The content's write: a registration inserts it, a deletion deletes it, nothing else changes it. */
    static RowWrite contentWrite(CertificateChange change) {
        if (change.after().isEmpty()) {
            return change.before().isDefined() ? RowWrite.DELETE : RowWrite.NONE;
        }
        if (change.before().isEmpty()) {
            return RowWrite.INSERT;
        }
        return CertificateRows.sameContent(change.before().get(), change.after().get())
                ? RowWrite.NONE
                : RowWrite.UPDATE;
    }

    /** The pending transfer's keys' write: a request inserts them, the transfer's end deletes them. */
    static RowWrite pendingWrite(CertificateChange change) {
        var before = PendingTransferRows.of(change.before());
        var after = PendingTransferRows.of(change.after());
        if (before.equals(after)) {
            return RowWrite.NONE;
        }
        if (before.isEmpty()) {
            return RowWrite.INSERT;
        }
        return after.isEmpty() ? RowWrite.DELETE : RowWrite.UPDATE;
    }

    private boolean changeState(Connection connection, CertificateChange change, boolean insert) throws SQLException {
        try (var statement = connection.prepareStatement(insert ? insertCertificate : updateCertificate)) {
            stateArguments(new SqlArguments(), change, insert).bind(statement);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (insert && Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static void execute(Connection connection, String sql, SqlArguments arguments) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            arguments.bind(statement);
            statement.executeUpdate();
        }
    }

    /** The state columns' arguments: the id first for an insert, the id and expected version last for an update. */
    private static SqlArguments stateArguments(SqlArguments arguments, CertificateChange change, boolean insert) {
        if (insert) {
            arguments.text(change.certificateId().value());
        }
        CertificateRows.state(arguments, change.after(), change.newVersion());
        if (!insert) {
            arguments.text(change.certificateId().value()).number(change.expectedVersion());
        }
        return arguments;
    }

    /** The values of the rows beside the certificate's that the writes insert or update, content first. */
    private static void besideArguments(
            SqlArguments arguments, CertificateChange change, RowWrite content, RowWrite pending) {
        if (content == RowWrite.INSERT || content == RowWrite.UPDATE) {
            CertificateRows.content(arguments, change.after().get());
        }
        if (pending == RowWrite.INSERT || pending == RowWrite.UPDATE) {
            PendingTransferRows.bind(
                    arguments, PendingTransferRows.of(change.after()).get());
        }
    }

    /** A row's writes as statements of their own, the values (if any) first and the id last, by {@link RowWrite}. */
    private static Map<RowWrite, String> besideStatements(
            String table, String columns, String placeholders, String assignments) {
        return writes(
                "INSERT INTO " + table + " (" + columns + ", id) VALUES (" + placeholders + ", ?)",
                "UPDATE " + table + " SET " + assignments + " WHERE id = ?",
                "DELETE FROM " + table + " WHERE id = ?");
    }

    /** A row's writes as parts of the change's one statement, for the id it changed, by {@link RowWrite}. */
    private static Map<RowWrite, String> besideInStatement(
            String table, String columns, String placeholders, String assignments) {
        return writes(
                "INSERT INTO " + table + " (" + columns + ", id) SELECT " + placeholders + ", id FROM changed",
                "UPDATE " + table + " SET " + assignments + " WHERE id IN (SELECT id FROM changed)",
                "DELETE FROM " + table + " WHERE id IN (SELECT id FROM changed)");
    }

    private static Map<RowWrite, String> writes(String insert, String update, String delete) {
        Map<RowWrite, String> writes = new EnumMap<>(RowWrite.class);
        writes.put(RowWrite.INSERT, insert);
        writes.put(RowWrite.UPDATE, update);
        writes.put(RowWrite.DELETE, delete);
        return writes;
    }

    private static String with(String name, String sql) {
        return sql == null ? "" : ", " + name + " AS (" + sql + ")";
    }
}
