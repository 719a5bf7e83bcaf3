package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.SystemActor;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.Validity;
import io.vavr.control.Option;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps a domain event to a row of the {@code certificate_event} outbox and back. Each event's own fields have
 * their own columns ({@code counterparty} is the target of a request, a cancellation or an expiry and the source of
 * an acceptance or a rejection; {@code actor} and {@code actor_name} are the acting principal's account and name, or
 * {@code system} and NULL for an expiry; {@code attached_name} is the policy or thing an attach or detach names, and
 * the certificate's status, which it does not change, is both {@code status_before} and {@code status_after}), so an
 * event is rebuilt exactly, with no serialisation format in between.
 * A row written before schema version 3 has no {@code actor_name}: it is read as the account's root principal
 * ({@link Principal#root}), the only caller the events of that time could name (docs/behaviour.md, section 9).
 */
final class EventRows {

    /** The columns {@link #bind} fills, in order. */
    static final String COLUMNS =
            "certificate_id, version, type, actor, actor_name, occurred_at, status_before, status_after, "
                    + "counterparty, transfer_message, reject_reason, pem, not_before, not_after, mode, attached_name";

    /** One placeholder per column of {@link #COLUMNS}. */
    static final String PLACEHOLDERS = "?" + ", ?".repeat(COLUMNS.split(",").length - 1);

    private EventRows() {}

    static void bind(SqlArguments arguments, CertificateEvent event) {
        arguments
                .text(event.certificateId().value())
                .number(event.version())
                .name(event.type())
                .text(actorAccount(event.actor()))
                .text(actorName(event.actor()))
                .time(event.at())
                .name(event.statusBefore().getOrNull())
                .name(event.statusAfter().getOrNull());
        AccountId counterparty = null;
        TransferMessage message = null;
        RejectReason reason = null;
        if (event instanceof TransferRequested requested) {
            counterparty = requested.target();
            message = requested.message().getOrNull();
        } else if (event instanceof TransferAccepted accepted) {
            counterparty = accepted.source();
        } else if (event instanceof TransferRejected rejected) {
            counterparty = rejected.source();
            reason = rejected.reason().getOrNull();
        } else if (event instanceof TransferCancelled cancelled) {
            counterparty = cancelled.target();
        } else if (event instanceof TransferExpired expired) {
            counterparty = expired.target();
        }
        arguments
                .text(counterparty == null ? null : counterparty.value())
                .text(message == null ? null : NulEscapedText.encode(message.value()))
                .text(reason == null ? null : NulEscapedText.encode(reason.value()));
        var registered = event instanceof CertificateRegistered r ? r : null;
        arguments
                .text(registered == null ? null : registered.pem().value())
                .time(registered == null ? null : registered.validity().notBefore())
                .time(registered == null ? null : registered.validity().notAfter())
                .name(registered == null ? null : registered.mode())
                .text(attachedName(event));
    }

    /** The policy or thing an attach or detach names; NULL for every other event. */
    private static String attachedName(CertificateEvent event) {
        return switch (event.type()) {
            case POLICY_ATTACHED -> ((PolicyAttached) event).policy().value();
            case POLICY_DETACHED -> ((PolicyDetached) event).policy().value();
            case THING_ATTACHED -> ((ThingAttached) event).thing().value();
            case THING_DETACHED -> ((ThingDetached) event).thing().value();
            default -> null;
        };
    }

    /** The event of the row the result set is on, selected with at least {@link #COLUMNS}. */
    static CertificateEvent event(ResultSet row) throws SQLException {
        var id = new CertificateId(row.getString("certificate_id"));
        var type = CertificateEvent.EventType.valueOf(row.getString("type"));
        var actor = type == CertificateEvent.EventType.TRANSFER_EXPIRED ? null : principal(row);
        var at = CertificateRows.time(row, "occurred_at");
        long version = row.getLong("version");
        return switch (type) {
            case CERTIFICATE_REGISTERED ->
                new CertificateRegistered(
                        id,
                        actor,
                        new CertificatePem(row.getString("pem")),
                        new Validity(CertificateRows.time(row, "not_before"), CertificateRows.time(row, "not_after")),
                        CertificateMode.valueOf(row.getString("mode")),
                        statusAfter(row),
                        at,
                        version);
            case TRANSFER_REQUESTED ->
                new TransferRequested(
                        id,
                        actor,
                        counterparty(row),
                        Option.of(NulEscapedText.decode(row.getString("transfer_message")))
                                .map(TransferMessage::new),
                        statusBefore(row),
                        at,
                        version);
            case TRANSFER_ACCEPTED -> new TransferAccepted(id, actor, counterparty(row), statusAfter(row), at, version);
            case TRANSFER_REJECTED ->
                new TransferRejected(
                        id,
                        actor,
                        counterparty(row),
                        Option.of(NulEscapedText.decode(row.getString("reject_reason")))
                                .map(RejectReason::new),
                        at,
                        version);
            case TRANSFER_CANCELLED -> new TransferCancelled(id, actor, counterparty(row), at, version);
            case TRANSFER_EXPIRED -> new TransferExpired(id, counterparty(row), at, version);
            case CERTIFICATE_STATUS_CHANGED ->
                new CertificateStatusChanged(id, actor, statusBefore(row), statusAfter(row), at, version);
            case CERTIFICATE_DELETED -> new CertificateDeleted(id, actor, statusBefore(row), at, version);
            case POLICY_ATTACHED -> new PolicyAttached(id, actor, policy(row), statusBefore(row), at, version);
            case POLICY_DETACHED -> new PolicyDetached(id, actor, policy(row), statusBefore(row), at, version);
            case THING_ATTACHED -> new ThingAttached(id, actor, thing(row), statusBefore(row), at, version);
            case THING_DETACHED -> new ThingDetached(id, actor, thing(row), statusBefore(row), at, version);
        };
    }

    /**
     * The principal's account, or {@code system} for the system; the row's type tells them apart (only an expiry is
     * the system's), so an account may be called {@code system} too.
     */
    private static String actorAccount(Actor actor) {
        return actor instanceof Principal principal ? principal.account().value() : SystemActor.NAME;
    }

    /** The principal's name, NUL escaped; NULL for the system. */
    private static String actorName(Actor actor) {
        return actor instanceof Principal principal ? NulEscapedText.encode(principal.name()) : null;
    }

    /** The acting principal of a row; before schema version 3 no name was stored, and the account's root acted. */
    private static Principal principal(ResultSet row) throws SQLException {
        var account = new AccountId(row.getString("actor"));
        var name = row.getString("actor_name");
        return name == null ? Principal.root(account) : new Principal(account, NulEscapedText.decode(name));
    }

    private static AccountId counterparty(ResultSet row) throws SQLException {
        return new AccountId(row.getString("counterparty"));
    }

    private static PolicyName policy(ResultSet row) throws SQLException {
        return new PolicyName(row.getString("attached_name"));
    }

    private static ThingName thing(ResultSet row) throws SQLException {
        return new ThingName(row.getString("attached_name"));
    }

    private static CertificateStatus statusBefore(ResultSet row) throws SQLException {
        return CertificateStatus.valueOf(row.getString("status_before"));
    }

    private static CertificateStatus statusAfter(ResultSet row) throws SQLException {
        return CertificateStatus.valueOf(row.getString("status_after"));
    }
}
