package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.AccountId;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * An optional rate limit at the edge: at most {@code requestsPerSecond} requests per second per account, as a token
 * bucket that holds one second's worth (so a burst up to the rate passes). Off by default. A refused request is
 * answered ThrottlingException (400) / THROTTLED before it reaches the service. One bucket is kept per account that
 * has called, for the server's lifetime.
 */
public final class Throttle {

    private static final Throttle OFF = new Throttle(0, System::nanoTime);
    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<AccountId, Bucket> buckets = new ConcurrentHashMap<>();

    private Throttle(double rate, LongSupplier nanoTime) {
        this.rate = rate;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * No limit: every request passes.
     *
     * @return the throttle that admits everything
     */
    public static Throttle off() {
        return OFF;
    }

    /**
     * At most {@code requestsPerSecond} requests per second per account.
     *
     * @param requestsPerSecond a positive, finite rate
     * @return the throttle
     * @throws IllegalArgumentException if the rate is not positive and finite
     */
    public static Throttle perAccount(double requestsPerSecond) {
        return perAccount(requestsPerSecond, System::nanoTime);
    }

    /**
     * At most {@code requestsPerSecond} requests per second per account, reading time from the given nanosecond
     * source (for tests).
     *
     * @param requestsPerSecond a positive, finite rate
     * @param nanoTime a monotonic nanosecond clock, such as {@code System::nanoTime}
     * @return the throttle
     * @throws IllegalArgumentException if the rate is not positive and finite
     */
    public static Throttle perAccount(double requestsPerSecond, LongSupplier nanoTime) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("a throttle allows a positive, finite number of requests per second");
        }
        return new Throttle(requestsPerSecond, nanoTime);
    }

    /**
     * Whether the account may make one more request now; if so, the request is counted.
     *
     * @param account the authenticated caller's account
     * @return true if the request may go on, false if it is answered ThrottlingException / THROTTLED
     */
    public boolean admits(AccountId account) {
        if (this == OFF) {
            return true;
        }
        return buckets.computeIfAbsent(account, a -> new Bucket(Math.max(1, rate), nanoTime.getAsLong()))
                .take(rate, nanoTime.getAsLong());
    }

    /** One account's tokens; refilled by elapsed time on each take. */
    private static final class Bucket {
        private final double capacity;
        private double tokens;
        private long lastRefill;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.lastRefill = now;
        }

        synchronized boolean take(double rate, long now) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - lastRefill) / NANOS_PER_SECOND * rate);
            lastRefill = Math.max(lastRefill, now);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
