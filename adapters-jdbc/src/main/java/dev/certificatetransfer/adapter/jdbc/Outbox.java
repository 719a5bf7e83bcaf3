package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.CertificateEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL on the {@code certificate_event} outbox of one schema: take the next events to deliver, mark them, count
 * the backlog, delete what was delivered long ago. Each method runs in the caller's connection and transaction.
 * Every query on undelivered events reads the index on {@code (delivered_at, sequence_number)}, so its cost grows
 * with the backlog, never with the delivered events: a certificate's events are numbered in version order (each
 * commits after the one before it), so "no earlier undelivered event of its certificate" is a range of that index.
 */
final class Outbox {

    private final String next;
    private final String markDelivered;
    private final String backlog;
    private final String deleteDelivered;
    private final String lastSequenceNumber;

    Outbox(JdbcSchema schema) {
        String table = schema.qualify("certificate_event");
        next = "SELECT e.sequence_number, "
                + EventRows.COLUMNS.replace(", ", ", e.").replaceFirst("^", "e.")
                + " FROM " + table + " e WHERE e.delivered_at IS NULL AND e.sequence_number <= ? AND NOT EXISTS ("
                + "SELECT 1 FROM " + table + " earlier WHERE earlier.delivered_at IS NULL"
                + " AND earlier.sequence_number < e.sequence_number AND earlier.certificate_id = e.certificate_id)"
                + " ORDER BY e.sequence_number LIMIT ? FOR UPDATE SKIP LOCKED";
        markDelivered = "UPDATE " + table + " SET delivered_at = ? WHERE sequence_number = ?";
        backlog = "SELECT COUNT(*), MIN(occurred_at) FROM " + table + " WHERE delivered_at IS NULL";
        deleteDelivered = "DELETE FROM " + table + " WHERE sequence_number IN (SELECT sequence_number FROM " + table
                + " WHERE delivered_at < ? ORDER BY delivered_at, sequence_number LIMIT ?)";
        lastSequenceNumber = "SELECT MAX(sequence_number) FROM " + table;
    }

    /**
     * Locks and answers up to {@code max} events, numbered at most {@code upTo}, that are undelivered and have no
     * earlier undelivered event of their certificate, skipping those another transaction has locked.
     */
    List<Entry> take(Connection connection, int max, long upTo) throws SQLException {
        try (var statement = connection.prepareStatement(next)) {
            statement.setLong(1, upTo);
            statement.setInt(2, max);
            try (var rows = statement.executeQuery()) {
                var taken = new ArrayList<Entry>();
                while (rows.next()) {
                    taken.add(new Entry(rows.getLong("sequence_number"), EventRows.event(rows)));
                }
                return taken;
            }
        }
    }

    void markDelivered(Connection connection, List<Long> sequenceNumbers, long nowMillis) throws SQLException {
        if (sequenceNumbers.isEmpty()) {
            return;
        }
        try (var statement = connection.prepareStatement(markDelivered)) {
            for (long sequenceNumber : sequenceNumbers) {
                statement.setLong(1, nowMillis);
                statement.setLong(2, sequenceNumber);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** The undelivered events' count, and the age at {@code now} of the one that occurred first. */
    OutboxBacklog backlog(Connection connection, Instant now) throws SQLException {
        try (var statement = connection.prepareStatement(backlog);
                var row = statement.executeQuery()) {
            row.next();
            long undelivered = row.getLong(1);
            Instant oldest = CertificateRows.time(row, 2);
            if (oldest == null || !oldest.isBefore(now)) {
                return new OutboxBacklog(undelivered, Duration.ZERO);
            }
            return new OutboxBacklog(undelivered, Duration.between(oldest, now));
        }
    }

    /** Deletes up to {@code max} events delivered before the millisecond, and answers how many it deleted. */
    int deleteDelivered(Connection connection, long deliveredBeforeMillis, int max) throws SQLException {
        try (var statement = connection.prepareStatement(deleteDelivered)) {
            statement.setLong(1, deliveredBeforeMillis);
            statement.setInt(2, max);
            return statement.executeUpdate();
        }
    }

    /** The highest sequence number in the outbox, or 0 if it is empty. */
    long lastSequenceNumber(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement(lastSequenceNumber);
                var row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** An event taken from the outbox, with its row's sequence number. */
    record Entry(long sequenceNumber, CertificateEvent event) {}
}
