package dev.certificatetransfer.domain;

/**
 * What an account owns, as its quota counts it (docs/behaviour.md#15-account-quotas): how many certificates, in any
 * status, pending transfer to another account included, and the length of their PEM text.
 *
 * @param certificates how many certificates the account owns, at least 0
 * @param pemBytes the summed length of their stored PEM text (ASCII, so characters are bytes), at least 0
 */
public record AccountUsage(long certificates, long pemBytes) {

    /** An account that owns nothing. */
    public static final AccountUsage NONE = new AccountUsage(0, 0);

    /**
     * A usage.
     *
     * @param certificates how many certificates the account owns
     * @param pemBytes the summed length of their PEM text
     * @throws IllegalArgumentException if either is negative
     */
    public AccountUsage {
        if (certificates < 0 || pemBytes < 0) {
            throw new IllegalArgumentException("a usage is not negative");
        }
    }

    /**
     * The usage of one certificate.
     *
     * @param pem its stored PEM text
     * @return one certificate of the PEM's length
     */
    public static AccountUsage of(CertificatePem pem) {
        return new AccountUsage(1, pem.value().length());
    }

    /**
     * This usage with another added.
     *
     * @param other the usage to add
     * @return the sum
     * @throws ArithmeticException if a sum overflows
     */
    public AccountUsage plus(AccountUsage other) {
        return new AccountUsage(
                Math.addExact(certificates, other.certificates), Math.addExact(pemBytes, other.pemBytes));
    }

    /**
     * This usage with another taken away.
     *
     * @param other the usage to take away, at most this one
     * @return the difference
     * @throws IllegalArgumentException if it would be negative
     */
    public AccountUsage minus(AccountUsage other) {
        return new AccountUsage(certificates - other.certificates, pemBytes - other.pemBytes);
    }
}
