package dev.certificatetransfer.domain;

/**
 * Rule (ours: docs/behaviour.md#15-account-quotas): the most an account may own, in certificates and in bytes of
 * their PEM text; registering or accepting a certificate that would take an account past either is refused with
 * {@link Refusal.LimitExceeded}. {@link #unlimited()} (the library's default) limits nothing, and the service then
 * never counts what an account owns. Immutable, so thread-safe.
 *
 * @param maxCertificates the most certificates an account may own, at least 1; {@link #UNLIMITED} for no limit
 * @param maxPemBytes the most bytes of PEM text its certificates may hold, at least 1; {@link #UNLIMITED} for no
 *        limit
 */
public record AccountQuota(long maxCertificates, long maxPemBytes) {

    /** The value of a limit that limits nothing. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private static final AccountQuota NONE = new AccountQuota(UNLIMITED, UNLIMITED);

    /**
     * A quota.
     *
     * @param maxCertificates the most certificates an account may own, or {@link #UNLIMITED}
     * @param maxPemBytes the most bytes of PEM text its certificates may hold, or {@link #UNLIMITED}
     * @throws IllegalArgumentException if either is less than 1
     */
    public AccountQuota {
        if (maxCertificates < 1 || maxPemBytes < 1) {
            throw new IllegalArgumentException("a quota's limits are at least 1");
        }
    }

    /**
     * No limit at all: the library's default.
     *
     * @return the quota that limits nothing
     */
    public static AccountQuota unlimited() {
        return NONE;
    }

    /**
     * Whether this quota limits nothing, so that checking it needs no count of what an account owns.
     *
     * @return whether both limits are {@link #UNLIMITED}
     */
    public boolean isUnlimited() {
        return maxCertificates == UNLIMITED && maxPemBytes == UNLIMITED;
    }
}
