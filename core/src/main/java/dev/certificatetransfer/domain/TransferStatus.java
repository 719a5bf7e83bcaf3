package dev.certificatetransfer.domain;

/** Where a transfer stands: open, or completed in one of four ways (expiry is ours: docs/behaviour.md, section 14). */
public enum TransferStatus {
    /** Open: the target may accept or reject it, the source may cancel it. */
    PENDING,
    /** The target accepted it and owns the certificate. */
    ACCEPTED,
    /** The target rejected it; the certificate stayed with the source. */
    REJECTED,
    /** The source cancelled it; the certificate stayed with the source. */
    CANCELLED,
    /** Its time-to-live ran out, as if the system had cancelled it (ours). */
    EXPIRED;

    /**
     * Whether the transfer is over; a completed transfer never changes again.
     *
     * @return true for every status but {@link #PENDING}
     */
    public boolean isCompleted() {
        return this != PENDING;
    }
}
