package dev.certificatetransfer.port.in;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Which page of a registry listing to answer: its size, and where to continue (none: from the start). Keys come in
 * ascending order (docs/behaviour.md#17-things-policies-and-attachments).
 *
 * @param size how many items at most
 * @param marker the previous page's {@link NamePage#nextMarker()}; none for the first page
 */
public record NamePageRequest(PageSize size, Option<NameMarker> marker) {

    /** The first page, of the default size. */
    public static final NamePageRequest FIRST = new NamePageRequest(PageSize.DEFAULT, Option.none());

    /**
     * A request.
     *
     * @param size how many items at most
     * @param marker where to continue, or none
     * @throws NullPointerException if either is null
     */
    public NamePageRequest {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(marker, "marker");
    }
}
