package dev.certificatetransfer.adapter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code GET /health} reports: whether the server can serve now (its store reachable). Asked on every health
 * request, without authentication, so it must be cheap and must not throw (a throw is answered as down).
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * The state of the store now.
     *
     * @return up or down; a thrown exception is answered as down
     */
    Health check();

    /**
     * A check that always answers up (for an in-memory store).
     *
     * @param store how the health answer names the store
     * @return the check
     */
    static HealthCheck alwaysUp(String store) {
        var up = Health.up(store);
        return () -> up;
    }

    /**
     * The answer of a {@link HealthCheck}: up or down, which store, (when down) why, never a secret, and named
     * figures the store adds (for a JDBC store, its outbox's backlog), answered under {@code figures}.
     *
     * @param up whether the server can serve now (200), or not (503)
     * @param store which store, such as {@code memory} or {@code postgresql}
     * @param detail why it is down, or empty
     * @param figures named whole numbers, in the order given, such as {@code outboxUndelivered}; maybe none
     */
    record Health(boolean up, String store, String detail, Map<String, Long> figures) {

        /**
         * An answer; the figures are copied.
         *
         * @param up whether the server can serve now
         * @param store which store
         * @param detail why it is down, or empty
         * @param figures named whole numbers, maybe none
         * @throws NullPointerException if the store, the detail or the figures are null
         */
        public Health {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(detail, "detail");
            figures = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(figures, "figures")));
        }

        /**
         * The answer of a store that can serve.
         *
         * @param store which store
         * @return an up answer without detail or figures
         */
        public static Health up(String store) {
            return new Health(true, store, "", Map.of());
        }

        /**
         * The answer of a store that cannot serve.
         *
         * @param store which store
         * @param detail why, never a secret
         * @return a down answer without figures
         */
        public static Health down(String store, String detail) {
            return new Health(false, store, detail, Map.of());
        }

        /**
         * This answer with one more figure.
         *
         * @param name the figure's name, such as {@code outboxUndelivered}
         * @param value its value
         * @return a copy with the figure added (or replaced)
         */
        public Health withFigure(String name, long value) {
            var more = new LinkedHashMap<>(figures);
            more.put(Objects.requireNonNull(name, "name"), value);
            return new Health(up, store, detail, more);
        }
    }
}
