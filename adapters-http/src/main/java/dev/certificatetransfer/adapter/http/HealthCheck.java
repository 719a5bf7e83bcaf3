package dev.certificatetransfer.adapter.http;

/**
 * What {@code GET /health} reports: whether the server can serve now (its store reachable). Asked on every health
 * request, without authentication, so it must be cheap and must not throw (a throw is answered as down).
 */
@FunctionalInterface
public interface HealthCheck {

    /** The state of the store now. */
    Health check();

    /** A check that always answers up, describing the store as {@code store} (for an in-memory store). */
    static HealthCheck alwaysUp(String store) {
        var up = Health.up(store);
        return () -> up;
    }

    /** The answer of a {@link HealthCheck}: up or down, which store, and (when down) why, never a secret. */
    record Health(boolean up, String store, String detail) {

        public Health {
            java.util.Objects.requireNonNull(store, "store");
            java.util.Objects.requireNonNull(detail, "detail");
        }

        public static Health up(String store) {
            return new Health(true, store, "");
        }

        public static Health down(String store, String detail) {
            return new Health(false, store, detail);
        }
    }
}
