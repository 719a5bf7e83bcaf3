package dev.certificatetransfer.domain;

import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Rule (ours: docs/behaviour.md, section 14): a pending transfer expires once its time-to-live has run out, and from
 * that instant the certificate is what it would be had the system cancelled the transfer at
 * {@code transferDate + ttl}. Whether a transfer has expired is a pure function of its transfer date, this transfer
 * rule and the time; the instant {@code transferDate + ttl} itself counts as expired. {@link #none()} (the default)
 * never expires anything. Immutable, so thread-safe.
 */
public final class TransferExpiry {

    /** The longest time-to-live: a thousand years, so that no date arithmetic can leave {@link Instant}'s range. */
    public static final Duration MAX_TTL = Duration.ofDays(365_000);

    private static final TransferExpiry NONE = new TransferExpiry(Option.none());

    private final Option<Duration> ttl;

    private TransferExpiry(Option<Duration> ttl) {
        this.ttl = ttl;
    }

    /**
     * Transfers never expire: AWS's behaviour.
     *
     * @return the expiry that never expires anything
     */
    public static TransferExpiry none() {
        return NONE;
    }

    /**
     * Transfers expire {@code ttl} after their transfer date.
     *
     * @param ttl the time-to-live: a positive whole number of milliseconds, at most {@link #MAX_TTL}
     * @return the expiry after that time-to-live
     * @throws NullPointerException if {@code ttl} is null
     * @throws IllegalArgumentException if it is zero, negative, finer than a millisecond or over {@link #MAX_TTL}
     */
    public static TransferExpiry after(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()
                || ttl.isZero()
                || ttl.compareTo(MAX_TTL) > 0
                || !ttl.truncatedTo(ChronoUnit.MILLIS).equals(ttl)) {
            throw new IllegalArgumentException(
                    "a transfer time-to-live is a positive whole number of milliseconds" + " of at most " + MAX_TTL);
        }
        return new TransferExpiry(Option.some(ttl));
    }

    /**
     * The time-to-live, if transfers expire.
     *
     * @return the time-to-live; none for {@link #none()}
     */
    public Option<Duration> ttl() {
        return ttl;
    }

    /**
     * When the certificate's pending transfer expires.
     *
     * @param certificate the certificate
     * @return {@code transferDate + ttl}; none if nothing is pending or transfers never expire
     */
    public Option<Instant> expiryDateOf(Certificate certificate) {
        return ttl.flatMap(
                d -> certificate.pendingTransfer().map(p -> p.transferDate().plus(d)));
    }

    /**
     * The latest transfer date that has expired at {@code now}: a pending transfer dated at or before it is due.
     *
     * @param now the time by the clock
     * @return {@code now - ttl}; none if transfers never expire
     */
    public Option<Instant> dueBy(Instant now) {
        return ttl.map(now::minus);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TransferExpiry that && ttl.equals(that.ttl);
    }

    @Override
    public int hashCode() {
        return ttl.hashCode();
    }

    @Override
    public String toString() {
        return ttl.map(d -> "TransferExpiry.after(" + d + ")").getOrElse("TransferExpiry.none()");
    }
}
