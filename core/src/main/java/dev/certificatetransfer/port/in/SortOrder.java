package dev.certificatetransfer.port.in;

/** The order of a listing: by creation date, then certificate id. */
public enum SortOrder {
    /** Oldest first. */
    ASCENDING,
    /** Newest first: AWS's default. */
    DESCENDING
}
