package dev.certificatetransfer.domain;

/** Where a transfer stands: open, or completed in one of four ways (expiry is ours: docs/behaviour.md, section 14). */
public enum TransferStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    /** Whether the transfer is over; a completed transfer never changes again. */
    public boolean isCompleted() {
        return this != PENDING;
    }
}
