package dev.certificatetransfer.spi;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A keyset page of the sweep: the pending transfers dated at or before {@code transferredAtOrBefore}, in
 * {@link PendingTransferKey} order strictly after {@code after}, at most {@code limit} of them. Cost grows with the
 * limit, never with how many certificates there are or how far into the due transfers the key is.
 *
 * @param transferredAtOrBefore the latest transfer date that is due
 * @param after the key of the last transfer of the previous page; none for the first page
 * @param limit how many certificates at most, at least 1
 */
public record DueTransfersQuery(Instant transferredAtOrBefore, Option<PendingTransferKey> after, int limit) {

    /**
     * A page of due transfers.
     *
     * @param transferredAtOrBefore the latest transfer date that is due
     * @param after the key of the last transfer of the previous page, or none
     * @param limit how many certificates at most
     * @throws NullPointerException if {@code transferredAtOrBefore} or {@code after} is null
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public DueTransfersQuery {
        Objects.requireNonNull(transferredAtOrBefore, "transferredAtOrBefore");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("a page of due transfers asks for at least one");
        }
    }
}
