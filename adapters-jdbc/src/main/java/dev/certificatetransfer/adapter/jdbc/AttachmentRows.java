package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.adapter.jdbc.CertificateRows.Loaded;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateAttachments;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.spi.CertificateChange;
import io.vavr.collection.TreeSet;
import io.vavr.control.Option;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A certificate's attachments as rows (migration V5): one {@code certificate_policy} row per policy attached to it and
 * one {@code certificate_thing} row per thing it is attached to, each with the certificate's owner. The
 * {@code certificate} row counts them, so a certificate with none (every certificate a transfer moves) costs no
 * second statement; one with some costs one, which reads its attachments together with its version: if the version
 * moved since the certificate row was read, the caller reads again, so no certificate is built from two states (and
 * a count that does not match the rows at the same version is an error, never a reason to read again).
 * {@link AttachmentWrites} writes the rows.
 */
final class AttachmentRows {

    private final String policies;
    private final String things;
    private final String certificates;

    AttachmentRows(JdbcSchema schema) {
        this.policies = schema.qualify("certificate_policy");
        this.things = schema.qualify("certificate_thing");
        this.certificates = schema.qualify("certificate");
    }

    /**
     * The certificates a query of certificate rows (selected with {@link CertificateRows#SELECTED}, no tombstones)
     * finds, with their attachments; if one changed between the two statements, both run again.
     */
    List<Certificate> select(Connection connection, String sql, SqlArguments arguments, int limit) throws SQLException {
        while (true) {
            var loaded = new ArrayList<Loaded>(Math.min(limit, 256));
            try (var statement = connection.prepareStatement(sql)) {
                arguments.bind(statement);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        loaded.add(CertificateRows.loaded(rows).get());
                    }
                }
            }
            var complete = complete(connection, loaded);
            if (complete.isDefined()) {
                return complete.get();
            }
        }
    }

    /**
     * The certificates loaded, in order, each with its attachments; none if one that has some changed since it was
     * loaded (then the caller reads again).
     */
    Option<List<Certificate>> complete(Connection connection, List<Loaded> loaded) throws SQLException {
        var withSome = loaded.stream().filter(l -> l.attachmentCount() > 0).toList();
        Map<String, Read> read = withSome.isEmpty() ? Map.of() : read(connection, withSome);
        var complete = new ArrayList<Certificate>(loaded.size());
        for (Loaded l : loaded) {
            if (l.attachmentCount() == 0) {
                complete.add(l.withoutAttachments());
                continue;
            }
            Read r = read.get(l.id());
            if (r == null || r.version != l.version()) {
                return Option.none();
            }
            if (r.size() != l.attachmentCount()) {
                throw new IllegalStateException("certificate " + l.id() + " at version " + l.version() + " counts "
                        + l.attachmentCount() + " attachments, and " + r.size() + " rows of them are stored");
            }
            complete.add(l.certificate().attachments(r.attachments()).build());
        }
        return Option.some(complete);
    }

    /**
     * The attachments of the certificates, by id, and the version each certificate has, all read in one statement (so
     * at one moment): the version comes with the certificate's own row, the names with its attachment rows.
     */
    private Map<String, Read> read(Connection connection, List<Loaded> withSome) throws SQLException {
        String ids = "?" + ", ?".repeat(withSome.size() - 1);
        String sql = "SELECT id, version, NULL AS kind, NULL AS name FROM " + certificates + " WHERE id IN (" + ids
                + ") UNION ALL SELECT certificate_id, 0, 'P', policy_name FROM " + policies
                + " WHERE certificate_id IN (" + ids + ") UNION ALL SELECT certificate_id, 0, 'T', thing_name FROM "
                + things + " WHERE certificate_id IN (" + ids + ")";
        var arguments = new SqlArguments();
        for (int i = 0; i < 3; i++) {
            withSome.forEach(l -> arguments.text(l.id()));
        }
        var read = new HashMap<String, Read>();
        try (var statement = connection.prepareStatement(sql)) {
            arguments.bind(statement);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var r = read.computeIfAbsent(rows.getString(1), id -> new Read());
                    String kind = rows.getString(3);
                    if (kind == null) {
                        r.version = rows.getLong(2);
                    } else {
                        ("P".equals(kind) ? r.policies : r.things).add(rows.getString(4));
                    }
                }
            }
        }
        return read;
    }

    /** One certificate's version and attachment rows, as read in one statement (so at one moment). */
    private static final class Read {
        long version;
        final List<String> policies = new ArrayList<>();
        final List<String> things = new ArrayList<>();

        int size() {
            return policies.size() + things.size();
        }

        CertificateAttachments attachments() {
            return new CertificateAttachments(
                    TreeSet.ofAll(policies.stream().map(PolicyName::new)),
                    TreeSet.ofAll(things.stream().map(ThingName::new)));
        }
    }

    /**
     * The attachment rows a change inserts and deletes: the policies and things its certificate has after it and did
     * not have before (of the owner after it), and those it had and has no more (a deletion: all).
     *
     * @param owner the certificate's owner after the change, whose policies and things it attaches; null if none
     */
    record Diff(
            String owner,
            List<String> attachedPolicies,
            List<String> detachedPolicies,
            List<String> attachedThings,
            List<String> detachedThings) {

        static final Diff NONE = new Diff(null, List.of(), List.of(), List.of(), List.of());

        static Diff of(CertificateChange change) {
            var before = change.before().map(Certificate::attachments).getOrElse(CertificateAttachments.NONE);
            var after = change.after().map(Certificate::attachments).getOrElse(CertificateAttachments.NONE);
            if (before.isEmpty() && after.isEmpty()) {
                return NONE;
            }
            return new Diff(
                    change.after().map(c -> c.owner().value()).getOrNull(),
                    after.policies()
                            .removeAll(before.policies())
                            .map(PolicyName::value)
                            .toJavaList(),
                    before.policies()
                            .removeAll(after.policies())
                            .map(PolicyName::value)
                            .toJavaList(),
                    after.things()
                            .removeAll(before.things())
                            .map(ThingName::value)
                            .toJavaList(),
                    before.things()
                            .removeAll(after.things())
                            .map(ThingName::value)
                            .toJavaList());
        }

        boolean isEmpty() {
            return attachedPolicies.isEmpty()
                    && detachedPolicies.isEmpty()
                    && attachedThings.isEmpty()
                    && detachedThings.isEmpty();
        }
    }
}
