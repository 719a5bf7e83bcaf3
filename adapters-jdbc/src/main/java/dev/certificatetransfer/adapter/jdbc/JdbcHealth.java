package dev.certificatetransfer.adapter.jdbc;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * The answer of a {@link JdbcHealthCheck}: whether the database can serve now, which store it is, why not (never a
 * secret: no URL, user, password or driver message, only what failed and its SQLSTATE), and the outbox's backlog
 * when the check reads one. A host maps it onto its own health endpoint or metrics.
 *
 * @param up whether the database answered (and, for a check with a relay, its outbox could be read)
 * @param store which store, as the host named it
 * @param detail why it is down, or empty when it is up
 * @param backlog the outbox's backlog, when the check has a relay and the database is up
 */
public record JdbcHealth(boolean up, String store, String detail, Option<OutboxBacklog> backlog) {

    /**
     * An answer.
     *
     * @param up whether the database can serve now
     * @param store which store
     * @param detail why it is down, or empty
     * @param backlog the outbox's backlog, or none
     * @throws NullPointerException if any is null
     */
    public JdbcHealth {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(backlog, "backlog");
    }

    static JdbcHealth up(String store, Option<OutboxBacklog> backlog) {
        return new JdbcHealth(true, store, "", backlog);
    }

    static JdbcHealth down(String store, String detail) {
        return new JdbcHealth(false, store, detail, Option.none());
    }
}
