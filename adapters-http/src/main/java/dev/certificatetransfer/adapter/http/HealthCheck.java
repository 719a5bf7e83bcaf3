package dev.certificatetransfer.adapter.http;

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
     * The answer of a {@link HealthCheck}: up or down, which store, and (when down) why, never a secret.
     *
     * @param up whether the server can serve now (200), or not (503)
     * @param store which store, such as {@code memory} or {@code postgresql}
     * @param detail why it is down, or empty
     */
    record Health(boolean up, String store, String detail) {

        /**
         * An answer.
         *
         * @param up whether the server can serve now
         * @param store which store
         * @param detail why it is down, or empty
         * @throws NullPointerException if the store or the detail is null
         */
        public Health {
            java.util.Objects.requireNonNull(store, "store");
            java.util.Objects.requireNonNull(detail, "detail");
        }

        /**
         * The answer of a store that can serve.
         *
         * @param store which store
         * @return an up answer without detail
         */
        public static Health up(String store) {
            return new Health(true, store, "");
        }

        /**
         * The answer of a store that cannot serve.
         *
         * @param store which store
         * @param detail why, never a secret
         * @return a down answer
         */
        public static Health down(String store, String detail) {
            return new Health(false, store, detail);
        }
    }
}
