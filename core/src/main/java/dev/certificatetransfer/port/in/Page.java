package dev.certificatetransfer.port.in;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * One page of a listing; the last page carries no {@code nextMarker} (docs/behaviour.md, section 12).
 *
 * @param items the page's items in the listing's order; empty when nothing (more) is listed
 * @param nextMarker where the next page starts; none on the last page
 * @param <T> the type of the items
 */
public record Page<T>(Seq<T> items, Option<PageMarker> nextMarker) {

    /**
     * A page of the given items.
     *
     * @param items the page's items in the listing's order
     * @param nextMarker where the next page starts, or none
     * @throws NullPointerException if either is null
     */
    public Page {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(nextMarker, "nextMarker");
    }
}
