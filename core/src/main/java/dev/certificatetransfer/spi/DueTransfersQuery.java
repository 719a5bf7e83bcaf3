package dev.certificatetransfer.spi;

import dev.certificatetransfer.spi.PendingTransferKey;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A keyset page of the sweep: the pending transfers dated at or before {@code transferredAtOrBefore}, in
 * {@link PendingTransferKey} order strictly after {@code after}, at most {@code limit} of them. Cost grows with the
 * limit, never with how many certificates there are or how far into the due transfers the key is.
 */
public record DueTransfersQuery(Instant transferredAtOrBefore, Option<PendingTransferKey> after, int limit) {

    public DueTransfersQuery {
        Objects.requireNonNull(transferredAtOrBefore, "transferredAtOrBefore");
        Objects.requireNonNull(after, "after");
        if (limit < 1) {
            throw new IllegalArgumentException("a page of due transfers asks for at least one");
        }
    }
}
