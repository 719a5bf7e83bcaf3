package dev.certificatetransfer.domain;

import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Rule (ours: docs/behaviour.md, section 14): a pending transfer expires once its time-to-live has run out, and from that instant
 * the certificate is what it would be had the system cancelled the transfer at {@code transferDate + ttl}. Whether a
 * transfer has expired is a pure function of its transfer date, this policy and the time; the instant
 * {@code transferDate + ttl} itself counts as expired. {@link #none()} (the default) never expires anything.
 */
public final class TransferExpiry {

    /** The longest time-to-live: a thousand years, so that no date arithmetic can leave {@link Instant}'s range. */
    public static final Duration MAX_TTL = Duration.ofDays(365_000);

    private static final TransferExpiry NONE = new TransferExpiry(Option.none());

    private final Option<Duration> ttl;

    private TransferExpiry(Option<Duration> ttl) {
        this.ttl = ttl;
    }

    /** Transfers never expire: AWS's behaviour. */
    public static TransferExpiry none() {
        return NONE;
    }

    /** Transfers expire {@code ttl} after their transfer date; a whole number of milliseconds, up to {@link #MAX_TTL}. */
    public static TransferExpiry after(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0 || ttl.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("a transfer time-to-live is a positive whole number of milliseconds"
                    + " of at most " + MAX_TTL);
        }
        return new TransferExpiry(Option.some(ttl));
    }

    /** The time-to-live, if transfers expire. */
    public Option<Duration> ttl() {
        return ttl;
    }

    /** When the certificate's pending transfer expires; none if nothing is pending or transfers never expire. */
    public Option<Instant> expiryDateOf(Certificate certificate) {
        return ttl.flatMap(d -> certificate.pendingTransfer().map(p -> p.transferDate().plus(d)));
    }

    /**
     * The latest transfer date that has expired at {@code now}: a pending transfer dated at or before it is due.
     * None if transfers never expire.
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
