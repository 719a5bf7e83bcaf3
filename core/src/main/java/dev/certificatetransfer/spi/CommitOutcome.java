package dev.certificatetransfer.spi;

/** What a compare-and-set commit did: a lost race is an outcome, not an exception. */
public enum CommitOutcome {
    /** The change was written, with its event. */
    COMMITTED,
    /** The stored version was not the expected one; nothing was written. */
    CONFLICT
}
