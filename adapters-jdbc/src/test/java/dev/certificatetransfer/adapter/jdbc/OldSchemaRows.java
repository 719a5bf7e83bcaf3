package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rows of a database on the newest schema as the schemas before V4 had them (one wide {@code certificate} row with
 * the PEM and the pending transfer's keys), for the tests that fill an older schema and migrate it.
 */
final class OldSchemaRows {

    /** The {@code certificate} columns of schemas V2 and V3, in their order. */
    static final String V3_CERTIFICATE = "id, version, owner, pem, not_before, not_after, mode, previous_owner, status,"
            + " creation_date, last_modified_date, customer_version, transfer_status, transfer_source, transfer_target,"
            + " transfer_message, transfer_date, accept_date, reject_date, cancel_date, reject_reason, pending_target,"
            + " outgoing_owner, expire_date, pending_transfer_date";

    /** The {@code certificate_event} columns of schema V4 (V5 added {@code attached_name}). */
    static final String V4_EVENT = EventRows.COLUMNS.replace(", attached_name", "");

    /** The {@code certificate} columns of schema V4 (V5 added {@code attachment_count}). */
    static final String V4_CERTIFICATE = "id, " + CertificateRows.STATE.replace(", attachment_count", "");

    /** The {@code certificate} columns of schema V1. */
    static final String V1_CERTIFICATE = V3_CERTIFICATE.replace(", expire_date, pending_transfer_date", "");

    /** Where each old column is in the newest schema's {@code certificate c}, content {@code t}, pending {@code p}. */
    private static final Map<String, String> NEWEST = Map.of(
            "pem", "t.pem",
            "not_before", "t.not_before",
            "not_after", "t.not_after",
            "mode", "t.mode",
            "pending_target", "p.target",
            "outgoing_owner", "p.source",
            "pending_transfer_date", "p.transfer_date");

    private OldSchemaRows() {}

    /**
     * Copies every certificate of a database on the newest schema into one on an older schema, in the old columns,
     * and answers how many it copied.
     */
    static int copyCertificates(DataSource from, DataSource to, String oldColumns) throws SQLException {
        String[] names = oldColumns.split(", ");
        String selected = Arrays.stream(names)
                .map(name -> NEWEST.getOrDefault(name, "c." + name))
                .collect(Collectors.joining(", "));
        int copied = 0;
        try (var source = from.getConnection();
                var target = to.getConnection();
                var read = source.prepareStatement("SELECT " + selected + " FROM certificate c"
                        + " LEFT JOIN certificate_content t ON t.id = c.id"
                        + " LEFT JOIN certificate_pending_transfer p ON p.id = c.id ORDER BY c.id");
                var write = target.prepareStatement("INSERT INTO certificate (" + oldColumns + ") VALUES (?"
                        + ", ?".repeat(names.length - 1) + ")");
                var rows = read.executeQuery()) {
            while (rows.next()) {
                for (int i = 1; i <= names.length; i++) {
                    write.setObject(i, rows.getObject(i));
                }
                write.executeUpdate();
                copied++;
            }
        }
        assertThat(copied).as("certificates copied").isPositive();
        return copied;
    }

    /** Copies every row of a table that an older schema has too, in the given columns, and answers how many. */
    static int copyRows(DataSource from, DataSource to, String table, String columns) throws SQLException {
        int count = columns.split(",").length;
        int copied = 0;
        try (var source = from.getConnection();
                var target = to.getConnection();
                var read = source.prepareStatement("SELECT " + columns + " FROM " + table);
                var write = target.prepareStatement(
                        "INSERT INTO " + table + " (" + columns + ") VALUES (?" + ", ?".repeat(count - 1) + ")");
                var rows = read.executeQuery()) {
            while (rows.next()) {
                for (int i = 1; i <= count; i++) {
                    write.setObject(i, rows.getObject(i));
                }
                write.executeUpdate();
                copied++;
            }
        }
        return copied;
    }

    /**
     * Copies every event of the outbox, in sequence order (the old database numbers them anew, in the same order),
     * in the given columns.
     */
    static void copyEvents(DataSource from, DataSource to, String columns) throws SQLException {
        int count = columns.split(",").length;
        try (var source = from.getConnection();
                var target = to.getConnection();
                var read = source.prepareStatement(
                        "SELECT " + columns + " FROM certificate_event ORDER BY sequence_number");
                var write = target.prepareStatement(
                        "INSERT INTO certificate_event (" + columns + ") VALUES (?" + ", ?".repeat(count - 1) + ")");
                var rows = read.executeQuery()) {
            while (rows.next()) {
                for (int i = 1; i <= count; i++) {
                    write.setObject(i, rows.getObject(i));
                }
                write.executeUpdate();
            }
        }
    }
}
