package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.adapter.jdbc.AttachmentRows.Diff;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes a change's attachment rows ({@link Diff}) in the same atomic step as the certificate's compare-and-set: the
 * rows of what it attaches are inserted, those of what it detaches deleted. An attach commits only while its policy
 * (thing) exists in the owner's account: the change locks that row before it inserts the attachment, and DeletePolicy
 * (DeleteThing) locks the same row before it looks for attachments ({@link RegistryRows}). Of an attach and a
 * deletion that race, the one that locks second waits for the first and then sees what it did: the deleted policy,
 * or the attachment. The foreign keys of the attachment rows are the database's own guarantee behind the locks.
 *
 * <p>On PostgreSQL the writes are parts of the change's one statement: a {@code FOR KEY SHARE} lock of the policy
 * (thing) that the compare-and-set requires to have found it (a deletion that committed first leaves it nothing to
 * lock), and an insert or delete per table; concurrent attaches of one policy to several certificates share the lock.
 * Elsewhere (H2) they are statements in the change's transaction, after its compare-and-set, with
 * {@code SELECT ... FOR UPDATE} as the lock.
 */
final class AttachmentWrites {

    private final String attachedPolicies;
    private final String attachedThings;
    private final String lockPolicy;
    private final String lockThing;
    private final String insertPolicy;
    private final String insertThing;

    AttachmentWrites(JdbcSchema schema) {
        attachedPolicies = schema.qualify("certificate_policy");
        attachedThings = schema.qualify("certificate_thing");
        lockPolicy = "SELECT 1 FROM " + schema.qualify("registry_policy") + " WHERE owner = ? AND name = ?";
        lockThing = "SELECT 1 FROM " + schema.qualify("registry_thing") + " WHERE owner = ? AND name = ?";
        insertPolicy = "INSERT INTO " + attachedPolicies + " (owner, policy_name, certificate_id)";
        insertThing = "INSERT INTO " + attachedThings + " (owner, thing_name, certificate_id)";
    }

    /**
     * Statements in the change's transaction, after its compare-and-set. Answers false if a policy or thing it
     * attaches is gone; the caller then rolls the transaction back.
     */
    boolean inTransaction(Connection connection, String certificateId, Diff diff) throws SQLException {
        if (!attach(connection, lockPolicy, insertPolicy, diff.owner(), diff.attachedPolicies(), certificateId)
                || !attach(connection, lockThing, insertThing, diff.owner(), diff.attachedThings(), certificateId)) {
            return false;
        }
        detach(connection, attachedPolicies, "policy_name", diff.detachedPolicies(), certificateId);
        detach(connection, attachedThings, "thing_name", diff.detachedThings(), certificateId);
        return true;
    }

    private static boolean attach(
            Connection connection, String lock, String insert, String owner, List<String> names, String certificateId)
            throws SQLException {
        for (String name : names) {
            if (!new SqlArguments().text(owner).text(name).exists(connection, lock + " FOR UPDATE")) {
                return false;
            }
            new SqlArguments()
                    .text(owner)
                    .text(name)
                    .text(certificateId)
                    .update(connection, insert + " VALUES (?, ?, ?)");
        }
        return true;
    }

    private static void detach(
            Connection connection, String table, String nameColumn, List<String> names, String certificateId)
            throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        var arguments = new SqlArguments().text(certificateId);
        names.forEach(arguments::text);
        arguments.update(
                connection,
                "DELETE FROM " + table + " WHERE certificate_id = ? AND " + nameColumn + " IN (" + placeholders(names)
                        + ")");
    }

    /**
     * PostgreSQL: the WITH queries that come before {@code changed}, each followed by a comma, which lock the policies
     * and things the change attaches; their arguments go first.
     */
    String locks(Diff diff, SqlArguments arguments) {
        var sql = new StringBuilder();
        lockQueries(sql, "policy_", lockPolicy, diff.owner(), diff.attachedPolicies(), arguments);
        lockQueries(sql, "thing_", lockThing, diff.owner(), diff.attachedThings(), arguments);
        return sql.toString();
    }

    /** PostgreSQL: what the compare-and-set's WHERE clause adds: every lock found its row. */
    static String lockedConditions(Diff diff) {
        var sql = new StringBuilder();
        for (int i = 0; i < diff.attachedPolicies().size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM policy_").append(i).append(')');
        }
        for (int i = 0; i < diff.attachedThings().size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM thing_").append(i).append(')');
        }
        return sql.toString();
    }

    /**
     * PostgreSQL: the WITH queries that come after {@code changed}, each preceded by a comma, which write the rows for
     * the certificate it changed; their arguments go after those of the rows beside the certificate's.
     */
    String writes(Diff diff, SqlArguments arguments) {
        var sql = new StringBuilder();
        int n = 0;
        for (String name : diff.attachedPolicies()) {
            sql.append(", attached_")
                    .append(n++)
                    .append(" AS (")
                    .append(insertPolicy)
                    .append(" SELECT ?, ?, id FROM changed)");
            arguments.text(diff.owner()).text(name);
        }
        for (String name : diff.attachedThings()) {
            sql.append(", attached_")
                    .append(n++)
                    .append(" AS (")
                    .append(insertThing)
                    .append(" SELECT ?, ?, id FROM changed)");
            arguments.text(diff.owner()).text(name);
        }
        detachQuery(sql, "detached_policies", attachedPolicies, "policy_name", diff.detachedPolicies(), arguments);
        detachQuery(sql, "detached_things", attachedThings, "thing_name", diff.detachedThings(), arguments);
        return sql.toString();
    }

    private static void lockQueries(
            StringBuilder sql, String prefix, String lock, String owner, List<String> names, SqlArguments arguments) {
        for (int i = 0; i < names.size(); i++) {
            sql.append(prefix).append(i).append(" AS (").append(lock).append(" FOR KEY SHARE), ");
            arguments.text(owner).text(names.get(i));
        }
    }

    private static void detachQuery(
            StringBuilder sql,
            String query,
            String table,
            String nameColumn,
            List<String> names,
            SqlArguments arguments) {
        if (names.isEmpty()) {
            return;
        }
        sql.append(", ")
                .append(query)
                .append(" AS (DELETE FROM ")
                .append(table)
                .append(" WHERE certificate_id IN (SELECT id FROM changed) AND ")
                .append(nameColumn)
                .append(" IN (")
                .append(placeholders(names))
                .append("))");
        names.forEach(arguments::text);
    }

    private static String placeholders(List<String> names) {
        return "?" + ", ?".repeat(names.size() - 1);
    }
}
