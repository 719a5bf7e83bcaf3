package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.spi.CommitOutcome;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The SQL of one kind of registry entry, things ({@code registry_thing}) or policies ({@code registry_policy}), each
 * by owner and name, and of the certificates attached to them ({@code certificate_thing}, {@code certificate_policy}):
 * finding one, creating one unless its name is taken, deleting one only while nothing is attached to it, and
 * listing its certificates by id. {@link ThingRows} and {@link PolicyRows} map the entries' own columns.
 *
 * <p>A deletion is one transaction: it locks the entry's row ({@code SELECT ... FOR UPDATE}), looks for an attachment
 * and deletes the row only if there is none. An attach locks the same row before it inserts its attachment
 * ({@link AttachmentWrites}), so whichever of the two locks second waits for the first to commit, and then sees the
 * attachment (the deletion conflicts) or the deleted entry (the attach conflicts). The foreign key from the
 * attachments is the database's guarantee behind it: at an isolation level that reads the transaction's first
 * snapshot (repeatable read), the deletion may miss an attachment committed while it waited for the lock, and the
 * database then refuses it with that foreign key's violation, which is mapped to a conflict too; no other error is.
 */
final class RegistryRows {

    /** SQLSTATE of a foreign key violation. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Reads one entry from the row the result set is on. */
    interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final String find;
    private final String insert;
    private final String insertIfAbsent;
    private final String lock;
    private final String attachedAny;
    private final String delete;
    private final String attached;
    private final String attachedAfter;
    private final String foreignKey;

    /**
     * The SQL of the entries in {@code table}, whose {@code columns} start with {@code owner, name}, and of the
     * certificates attached to them in {@code attachmentTable}, named in its {@code nameColumn} and guarded by its
     * foreign key {@code foreignKey}.
     */
    RegistryRows(
            JdbcSchema schema,
            String table,
            String columns,
            String attachmentTable,
            String nameColumn,
            String foreignKey) {
        String entries = schema.qualify(table);
        String attachments = schema.qualify(attachmentTable);
        find = "SELECT " + columns + " FROM " + entries + " WHERE owner = ? AND name = ?";
        insert = "INSERT INTO " + entries + " (" + columns + ") VALUES (?" + ", ?".repeat(columns.split(",").length - 1)
                + ")";
        insertIfAbsent = insert + " ON CONFLICT (owner, name) DO NOTHING";
        lock = "SELECT " + columns + " FROM " + entries + " WHERE owner = ? AND name = ? FOR UPDATE";
        attachedAny = "SELECT 1 FROM " + attachments + " WHERE owner = ? AND " + nameColumn + " = ? FETCH FIRST 1 ROWS"
                + " ONLY";
        delete = "DELETE FROM " + entries + " WHERE owner = ? AND name = ?";
        String byId = "SELECT certificate_id FROM " + attachments + " WHERE owner = ? AND " + nameColumn + " = ?";
        attached = byId + " ORDER BY certificate_id LIMIT ?";
        attachedAfter = byId + " AND certificate_id > ? ORDER BY certificate_id LIMIT ?";
        this.foreignKey = foreignKey.toLowerCase(Locale.ROOT);
    }

    /** The owner's entry of that name. */
    <T> Option<T> find(Connection connection, String owner, String name, Reader<T> reader) throws SQLException {
        try (var statement = connection.prepareStatement(find)) {
            new SqlArguments().text(owner).text(name).bind(statement);
            try (var row = statement.executeQuery()) {
                return row.next() ? Option.some(reader.read(row)) : Option.none();
            }
        }
    }

    /**
     * Inserts the entry, auto-committed, unless its name is taken: on PostgreSQL {@code ON CONFLICT DO NOTHING}, on
     * H2 the primary key's violation (the table's one unique constraint).
     */
    CommitOutcome create(Connection connection, boolean postgres, SqlArguments entry) throws SQLException {
        try {
            return entry.update(connection, postgres ? insertIfAbsent : insert) == 1
                    ? CommitOutcome.COMMITTED
                    : CommitOutcome.CONFLICT;
        } catch (SQLException e) {
            if (Database.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return CommitOutcome.CONFLICT;
            }
            throw e;
        }
    }

    /**
     * In the caller's transaction: deletes the owner's entry of that name if it is still the one the caller found
     * ({@code same}) and nothing is attached to it; rolls back and conflicts otherwise.
     */
    CommitOutcome delete(Connection connection, String owner, String name, Reader<Boolean> same) throws SQLException {
        boolean deletable;
        try (var statement = connection.prepareStatement(lock)) {
            new SqlArguments().text(owner).text(name).bind(statement);
            try (var row = statement.executeQuery()) {
                deletable = row.next() && same.read(row);
            }
        }
        deletable = deletable && !new SqlArguments().text(owner).text(name).exists(connection, attachedAny);
        try {
            if (deletable && new SqlArguments().text(owner).text(name).update(connection, delete) == 1) {
                return CommitOutcome.COMMITTED;
            }
        } catch (SQLException e) {
            if (!violates(e, foreignKey)) {
                throw e;
            }
        }
        connection.rollback();
        return CommitOutcome.CONFLICT;
    }

    /** Up to {@code limit} ids of the certificates attached to the entry, ascending, after {@code after}. */
    Seq<CertificateId> attached(
            Connection connection, String owner, String name, Option<CertificateId> after, int limit)
            throws SQLException {
        var arguments = new SqlArguments().text(owner).text(name);
        after.forEach(id -> arguments.text(id.value()));
        arguments.number(limit);
        try (var statement = connection.prepareStatement(after.isDefined() ? attachedAfter : attached)) {
            arguments.bind(statement);
            try (var rows = statement.executeQuery()) {
                var ids = new ArrayList<CertificateId>(Math.min(limit, 256));
                while (rows.next()) {
                    ids.add(new CertificateId(rows.getString(1)));
                }
                return Array.ofAll(ids);
            }
        }
    }

    /**
     * Whether the failure is the violation of that foreign key: its SQLSTATE, and the constraint's name in the
     * message (PostgreSQL and H2 both name it, in any language), since only that constraint may be taken for a
     * conflict.
     */
    static boolean violates(SQLException e, String foreignKey) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains(foreignKey);
    }
}
