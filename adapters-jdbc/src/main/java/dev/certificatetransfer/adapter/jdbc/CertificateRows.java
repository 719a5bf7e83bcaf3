package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.domain.Validity;
import dev.certificatetransfer.spi.CertificateReconstitution;
import io.vavr.control.Option;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Maps a certificate to its rows and back: the {@code certificate} row holds what a change may change (the version,
 * the owner, the status, the last transfer, how many policies and things are attached), in {@link #STATE} order,
 * and is all that a transfer, an answer to it or a status change rewrites; the {@code certificate_content} row holds
 * what the registration fixed (the PEM, its validity and the mode), in {@link #CONTENT} order. A tombstone is a
 * {@code certificate} row with the id and the version and every other column NULL (its attachment count 0), and no
 * content. The adapter's keys of a pending transfer (for the listings and the expiry sweep) are rows of their own:
 * {@link PendingTransferRows}; so are the attachments, {@link AttachmentRows}.
 */
final class CertificateRows {

    /** Every column of {@code certificate} but the id, in the order {@link #state} binds them. */
    static final String STATE = "version, owner, previous_owner, status, creation_date, last_modified_date,"
            + " customer_version, transfer_status, transfer_source, transfer_target, transfer_message, transfer_date,"
            + " accept_date, reject_date, cancel_date, reject_reason, expire_date, attachment_count";

    /** Every column of {@code certificate_content} but the id, in the order {@link #content} binds them. */
    static final String CONTENT = "pem, not_before, not_after, mode";

    /**
     * What {@link #loaded} reads: every column of {@code certificate c} and of
     * {@code certificate_content t} (the tables' aliases), each once.
     */
    static final String SELECTED = "c.id, c." + STATE.replace(", ", ", c.") + ", t." + CONTENT.replace(", ", ", t.");

    /** {@link #STATE} as the SET list of an UPDATE. */
    static final String ASSIGNMENTS = STATE.replace(",", " = ?,") + " = ?";

    /** {@link #CONTENT} as the SET list of an UPDATE. */
    static final String CONTENT_ASSIGNMENTS = CONTENT.replace(",", " = ?,") + " = ?";

    /** One placeholder per column of {@link #STATE}. */
    static final String STATE_PLACEHOLDERS = placeholders(STATE);

    /** One placeholder per column of {@link #CONTENT}. */
    static final String CONTENT_PLACEHOLDERS = placeholders(CONTENT);

    private CertificateRows() {}

    /**
     * The FROM clause of a certificate's rows by id: {@code certificate c} and its content {@code t}, none for a
     * tombstone.
     */
    static String byId(JdbcSchema schema) {
        return " FROM " + schema.qualify("certificate") + " c LEFT JOIN " + schema.qualify("certificate_content")
                + " t ON t.id = c.id";
    }

    /**
     * The FROM clause of the certificates whose ids a page {@code p} (a derived table with an {@code id} column)
     * selects: their {@code certificate c} and {@code certificate_content t} rows.
     */
    static String ofPage(JdbcSchema schema, String page) {
        return " FROM (" + page + ") p JOIN " + schema.qualify("certificate") + " c ON c.id = p.id JOIN "
                + schema.qualify("certificate_content") + " t ON t.id = p.id";
    }

    /** Binds the {@code certificate} columns: the certificate's, or a tombstone's at the version. */
    static void state(SqlArguments arguments, Option<Certificate> certificate, long version) {
        arguments.number(version);
        Certificate c = certificate.getOrNull();
        if (c == null) {
            arguments.text(null).text(null).text(null).time(null).time(null).number(null);
            transfer(arguments, null);
            arguments.time(null).number(0);
            return;
        }
        arguments
                .text(c.owner().value())
                .text(c.previousOwner().map(AccountId::value).getOrNull())
                .name(c.status())
                .time(c.creationDate())
                .time(c.lastModifiedDate())
                .number(c.customerVersion());
        transfer(arguments, c.lastTransfer().getOrNull());
        arguments.time(c.lastTransfer().getOrNull() instanceof Transfer.Expired e ? e.expiryDate() : null);
        arguments.number(
                c.attachments().policies().size() + c.attachments().things().size());
    }

    /** Binds the {@code certificate_content} columns of a registered certificate. */
    static void content(SqlArguments arguments, Certificate c) {
        arguments
                .text(c.pem().value())
                .time(c.validity().notBefore())
                .time(c.validity().notAfter())
                .name(c.mode());
    }

    /** Whether two certificates have the same content: what the registration fixed. */
    static boolean sameContent(Certificate one, Certificate other) {
        return one.pem().equals(other.pem()) && one.validity().equals(other.validity()) && one.mode() == other.mode();
    }

    private static void transfer(SqlArguments arguments, Transfer t) {
        if (t == null) {
            arguments
                    .text(null)
                    .text(null)
                    .text(null)
                    .text(null)
                    .time(null)
                    .time(null)
                    .time(null)
                    .time(null)
                    .text(null);
            return;
        }
        arguments
                .name(t.status())
                .text(t.source().value())
                .text(t.target().value())
                .text(NulEscapedText.encode(
                        t.message().map(TransferMessage::value).getOrNull()))
                .time(t.transferDate())
                .time(t instanceof Transfer.Accepted a ? a.acceptDate() : null)
                .time(t instanceof Transfer.Rejected r ? r.rejectDate() : null)
                .time(t instanceof Transfer.Cancelled c ? c.cancelDate() : null)
                .text(
                        t instanceof Transfer.Rejected r
                                ? NulEscapedText.encode(r.rejectReason()
                                        .map(RejectReason::value)
                                        .getOrNull())
                                : null);
    }

    /**
     * The row the result set is on, selected with {@link #SELECTED}: a tombstone (none), or a certificate with all but
     * its attachments, which {@link AttachmentRows} reads when it has any.
     */
    static Option<Loaded> loaded(ResultSet row) throws SQLException {
        if (row.getString("owner") == null) {
            return Option.none();
        }
        var certificate = new CertificateReconstitution()
                .id(new CertificateId(row.getString("id")))
                .pem(new CertificatePem(row.getString("pem")))
                .validity(new Validity(time(row, "not_before"), time(row, "not_after")))
                .mode(CertificateMode.valueOf(row.getString("mode")))
                .owner(new AccountId(row.getString("owner")))
                .previousOwner(Option.of(row.getString("previous_owner")).map(AccountId::new))
                .status(CertificateStatus.valueOf(row.getString("status")))
                .lastTransfer(Option.of(lastTransfer(row)))
                .creationDate(time(row, "creation_date"))
                .lastModifiedDate(time(row, "last_modified_date"))
                .customerVersion(row.getLong("customer_version"))
                .version(row.getLong("version"));
        return Option.some(
                new Loaded(certificate, row.getString("id"), row.getLong("version"), row.getInt("attachment_count")));
    }

    /**
     * A certificate row as read: the certificate but its attachments, its id and version, and how many policies and
     * things its row says are attached.
     */
    record Loaded(CertificateReconstitution certificate, String id, long version, int attachmentCount) {

        /** The certificate, with nothing attached. */
        Certificate withoutAttachments() {
            return certificate.build();
        }
    }

    private static Transfer lastTransfer(ResultSet row) throws SQLException {
        String status = row.getString("transfer_status");
        if (status == null) {
            return null;
        }
        var source = new AccountId(row.getString("transfer_source"));
        var target = new AccountId(row.getString("transfer_target"));
        var message = Option.of(NulEscapedText.decode(row.getString("transfer_message")))
                .map(TransferMessage::new);
        Instant transferDate = time(row, "transfer_date");
        return switch (TransferStatus.valueOf(status)) {
            case PENDING -> new Transfer.Pending(source, target, message, transferDate);
            case ACCEPTED -> new Transfer.Accepted(source, target, message, transferDate, time(row, "accept_date"));
            case REJECTED ->
                new Transfer.Rejected(
                        source,
                        target,
                        message,
                        transferDate,
                        Option.of(NulEscapedText.decode(row.getString("reject_reason")))
                                .map(RejectReason::new),
                        time(row, "reject_date"));
            case CANCELLED -> new Transfer.Cancelled(source, target, message, transferDate, time(row, "cancel_date"));
            case EXPIRED -> new Transfer.Expired(source, target, message, transferDate, time(row, "expire_date"));
        };
    }

    static Instant time(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static String placeholders(String columns) {
        return "?" + ", ?".repeat(columns.split(",").length - 1);
    }

    static Instant time(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
