package dev.certificatetransfer.port.in;

import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * One page of a registry listing; the last page carries no marker.
 *
 * @param items the page's items, in key order
 * @param nextMarker where the next page starts; none on the last page
 * @param <T> the item type
 */
public record NamePage<T>(Seq<T> items, Option<NameMarker> nextMarker) {

    /**
     * A page.
     *
     * @param items the items
     * @param nextMarker the next page's marker, or none
     * @throws NullPointerException if either is null
     */
    public NamePage {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(nextMarker, "nextMarker");
    }
}
