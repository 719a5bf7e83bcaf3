package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.PendingTransferKey;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The expiry sweep's page as one range of the index on the pending transfers' {@code (transfer_date, id)}: a
 * certificate has a {@code certificate_pending_transfer} row only while its transfer is pending, so the range holds
 * the due pending transfers and nothing else, and a page costs a seek plus its rows however many certificates there
 * are. As in {@link KeysetListings}, PostgreSQL gets the row
 * comparison and a literal limit, other databases the expanded comparison. Keys come from stored certificates, so
 * they are whole milliseconds; the bound is floored to its millisecond, which selects the same rows.
 */
final class DueTransfers {

    private DueTransfers() {}

    static Seq<Certificate> page(
            Connection connection,
            boolean postgres,
            JdbcSchema schema,
            AttachmentRows attachments,
            DueTransfersQuery query)
            throws SQLException {
        PendingTransferKey after = query.after().getOrNull();
        String afterCondition = after == null
                ? ""
                : postgres
                        ? " AND (transfer_date, id) > (?, ?)"
                        : " AND transfer_date >= ? AND (transfer_date > ? OR (transfer_date = ? AND id > ?))";
        String page = "SELECT id, transfer_date FROM " + schema.qualify("certificate_pending_transfer")
                + " WHERE transfer_date <= ?" + afterCondition + " ORDER BY transfer_date ASC, id ASC"
                + (postgres ? " LIMIT " + query.limit() : " LIMIT ?");
        String sql = "SELECT " + CertificateRows.SELECTED + CertificateRows.ofPage(schema, page)
                + " ORDER BY p.transfer_date ASC, p.id ASC";
        var arguments = new SqlArguments().number(bound(query));
        if (after != null) {
            long millis = after.transferDate().toEpochMilli();
            if (postgres) {
                arguments.number(millis).text(after.certificateId().value());
            } else {
                arguments
                        .number(millis)
                        .number(millis)
                        .number(millis)
                        .text(after.certificateId().value());
            }
        }
        if (!postgres) {
            arguments.number(query.limit());
        }
        return Array.ofAll(attachments.select(connection, sql, arguments, query.limit()));
    }

    /** The bound as a millisecond: its floor, or the end of the BIGINT range for a date beyond it. */
    private static long bound(DueTransfersQuery query) {
        var date = query.transferredAtOrBefore();
        try {
            return Math.addExact(Math.multiplyExact(date.getEpochSecond(), 1000L), date.getNano() / 1_000_000);
        } catch (ArithmeticException beyondStorableDates) {
            return date.isAfter(java.time.Instant.EPOCH) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }
}
