package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.spi.ListingQuery;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;

/**
 * The listings as keyset queries, each one range of an index on {@code (account column, creation_date, id)}, joined
 * to the page's certificates by id: a page costs a seek plus its own rows, whatever its offset and however many rows
 * the account has. The visible listing is two such ranges (the owner's certificates, and the pending transfers to
 * the account as target) merged by one {@code UNION ALL}; a certificate is never in both, since a transfer never goes
 * to its own owner. The outgoing listing is one range of the pending transfers by their source.
 *
 * <p>The key condition {@code (creation_date, id) > (?, ?)} is written so each database seeks to it. H2 gets
 * {@code creation_date >= ? AND (creation_date > ? OR (creation_date = ? AND id > ?))}: the first conjunct is its
 * index range, the rest drops the few rows of the same millisecond at or before the key. PostgreSQL gets the row
 * comparison itself, which is one index condition, and the page's {@code LIMIT} as a literal (a bounded int, never
 * text from a caller): with {@code LIMIT ?} and the four-part condition its planner costs the reusable (generic)
 * plan as if a tenth of a large account were read, so it plans every execution anew, which at a million rows
 * costs more than running the query. Stored dates are whole milliseconds, and a key (from a caller's page marker)
 * may be any instant: {@link Bound} turns it into the millisecond bound that selects exactly the same rows.
 */
final class KeysetListings {

    private final boolean postgres;
    private final JdbcSchema schema;
    private final String certificates;
    private final String pendingTransfers;
    private final AttachmentRows attachments;

    /**
     * The listings of the schema's certificates: on PostgreSQL ({@code postgres}) with row comparisons and literal
     * limits, on any other database (H2 is tested) with the expanded comparison and bound limits.
     */
    KeysetListings(boolean postgres, JdbcSchema schema) {
        this.postgres = postgres;
        this.schema = schema;
        this.certificates = schema.qualify("certificate");
        this.pendingTransfers = schema.qualify("certificate_pending_transfer");
        this.attachments = new AttachmentRows(schema);
    }

    Seq<Certificate> visibleTo(Connection connection, AccountId account, ListingQuery query) throws SQLException {
        var bound = Bound.of(query);
        if (bound.nothingFollows) {
            return Array.empty();
        }
        String page = range(certificates, "owner", query, bound) + " UNION ALL "
                + range(pendingTransfers, "target", query, bound);
        String sql = "SELECT " + CertificateRows.SELECTED + CertificateRows.ofPage(schema, page) + " ORDER BY "
                + orderBy("p.", query.order()) + limit(query);
        var arguments = new SqlArguments();
        bindRange(arguments, account, bound, query.limit());
        bindRange(arguments, account, bound, query.limit());
        if (!postgres) {
            arguments.number(query.limit());
        }
        return select(connection, sql, arguments, query.limit());
    }

    Seq<Certificate> outgoing(Connection connection, AccountId account, ListingQuery query) throws SQLException {
        var bound = Bound.of(query);
        if (bound.nothingFollows) {
            return Array.empty();
        }
        var arguments = new SqlArguments();
        bindRange(arguments, account, bound, query.limit());
        String sql = "SELECT " + CertificateRows.SELECTED
                + CertificateRows.ofPage(schema, range(pendingTransfers, "source", query, bound)) + " ORDER BY "
                + orderBy("p.", query.order());
        return select(connection, sql, arguments, query.limit());
    }

    /** One index range: the ids and creation dates of the account's rows after the key, in order, at most the limit. */
    private String range(String table, String accountColumn, ListingQuery query, Bound bound) {
        String comparison = query.order() == SortOrder.ASCENDING ? ">" : "<";
        String after = bound.id == null
                ? ""
                : postgres
                        ? " AND (creation_date, id) " + comparison + " (?, ?)"
                        : " AND creation_date " + comparison + "= ? AND (creation_date " + comparison
                                + " ? OR (creation_date = ? AND id " + comparison + " ?))";
        return "(SELECT id, creation_date FROM " + table + " WHERE " + accountColumn + " = ?" + after + " ORDER BY "
                + orderBy("", query.order()) + limit(query) + ")";
    }

    private String limit(ListingQuery query) {
        return postgres ? " LIMIT " + query.limit() : " LIMIT ?";
    }

    private void bindRange(SqlArguments arguments, AccountId account, Bound bound, int limit) {
        arguments.text(account.value());
        if (bound.id != null && postgres) {
            arguments.number(bound.millis).text(bound.id);
        } else if (bound.id != null) {
            arguments
                    .number(bound.millis)
                    .number(bound.millis)
                    .number(bound.millis)
                    .text(bound.id);
        }
        if (!postgres) {
            arguments.number(limit);
        }
    }

    /**
     * The key as a bound on stored rows: rows strictly after {@code (millis, id)} in the query's order, or no
     * bound at all ({@code id} null), or no row at all ({@code nothingFollows}). A key of a whole millisecond is
     * itself. A key between two milliseconds selects the same rows as {@code (the next millisecond, "")}: the
     * empty id sorts before every id, so ascending starts at that millisecond and descending stops before it.
     */
    private static final class Bound {
        private static final Bound NONE = new Bound(0, null, false);
        private static final Bound EMPTY = new Bound(0, null, true);

        final long millis;
        final String id;
        final boolean nothingFollows;

        private Bound(long millis, String id, boolean nothingFollows) {
            this.millis = millis;
            this.id = id;
            this.nothingFollows = nothingFollows;
        }

        static Bound of(ListingQuery query) {
            ListingKey key = query.after().getOrNull();
            if (key == null) {
                return NONE;
            }
            boolean ascending = query.order() == SortOrder.ASCENDING;
            var date = key.creationDate();
            try {
                long floor = date.toEpochMilli();
                return date.truncatedTo(ChronoUnit.MILLIS).equals(date)
                        ? new Bound(floor, key.certificateId().value(), false)
                        : new Bound(Math.addExact(floor, 1), "", false);
            } catch (ArithmeticException beyondStorableDates) {
                boolean keyIsLate = date.isAfter(java.time.Instant.EPOCH);
                return ascending == keyIsLate ? EMPTY : NONE;
            }
        }
    }

    private static String orderBy(String alias, SortOrder order) {
        String direction = order == SortOrder.ASCENDING ? " ASC" : " DESC";
        return alias + "creation_date" + direction + ", " + alias + "id" + direction;
    }

    private Seq<Certificate> select(Connection connection, String sql, SqlArguments arguments, int limit)
            throws SQLException {
        return Array.ofAll(attachments.select(connection, sql, arguments, limit));
    }
}
