package dev.certificatetransfer.port.in;

import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/** One page of a listing; the last page carries no {@code nextMarker}. */
public record Page<T>(Seq<T> items, Option<PageMarker> nextMarker) {

    public Page {
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(nextMarker, "nextMarker");
    }
}
