package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.Transfer;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * The adapter's keys of a pending transfer: one {@code certificate_pending_transfer} row per certificate whose
 * transfer is pending, with its owner (the source), the target and the certificate's creation date (the keys of the
 * outgoing and the visible listings) and the transfer's date (the expiry sweep's key). The change that requests a
 * transfer inserts the row and the change that ends it deletes it, in the same transaction as the certificate's own
 * row; so the {@code certificate} row, which every change rewrites, has no index such a change moves.
 */
final class PendingTransferRows {

    /** The columns {@link #bind} fills, in order, after the id. */
    static final String COLUMNS = "source, target, creation_date, transfer_date";

    /** {@link #COLUMNS} as the SET list of an UPDATE. */
    static final String ASSIGNMENTS = COLUMNS.replace(",", " = ?,") + " = ?";

    /** One placeholder per column of {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?, ?, ?, ?";

    private PendingTransferRows() {}

    /** The keys of the certificate's pending transfer; none if it is not pending (or is none). */
    static Option<Key> of(Option<Certificate> certificate) {
        return certificate.flatMap(c -> c.pendingTransfer()
                .map(pending -> new Key(
                        c.owner().value(), pending.target().value(), c.creationDate(), pending.transferDate())));
    }

    /** Binds the keys in {@link #COLUMNS} order. */
    static void bind(SqlArguments arguments, Key key) {
        arguments.text(key.source).text(key.target).time(key.creationDate).time(key.transferDate);
    }

    /** The keys of one pending transfer: those of {@link Transfer.Pending} the listings and the sweep read. */
    record Key(String source, String target, Instant creationDate, Instant transferDate) {
        Key {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(creationDate, "creationDate");
            Objects.requireNonNull(transferDate, "transferDate");
        }
    }
}
