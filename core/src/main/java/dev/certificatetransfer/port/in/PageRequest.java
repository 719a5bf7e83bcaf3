package dev.certificatetransfer.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * What page of a listing to return: its size, where to continue, and the order (newest first by default).
 *
 * @param size how many certificates the page holds at most
 * @param marker where the previous page ended; none for the first page
 * @param order the order of the listing
 */
public record PageRequest(PageSize size, Option<PageMarker> marker, SortOrder order) {

    /** The first page of 25, newest first: AWS's defaults. */
    public static final PageRequest FIRST = new PageRequest(PageSize.DEFAULT, Option.none(), SortOrder.DESCENDING);

    /**
     * A page request.
     *
     * @param size how many certificates the page holds at most
     * @param marker where the previous page ended, or none
     * @param order the order of the listing
     * @throws NullPointerException if any is null
     */
    public PageRequest {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(order, "order");
    }

    /**
     * The next page in the same order and size, after the given marker.
     *
     * @param next the {@code nextMarker} of the page just read
     * @return the request for the page after it
     */
    public PageRequest continueAt(PageMarker next) {
        return new PageRequest(size, Option.some(next), order);
    }
}
