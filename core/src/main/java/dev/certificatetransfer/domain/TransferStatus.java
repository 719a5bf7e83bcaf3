package dev.certificatetransfer.domain;

/** Where a transfer stands: open, or completed in one of three ways. */
public enum TransferStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    CANCELLED;

    /** Whether the transfer is over; a completed transfer never changes again. */
    public boolean isCompleted() {
        return this != PENDING;
    }
}
