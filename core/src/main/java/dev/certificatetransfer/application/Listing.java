package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.port.ListingQuery;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.function.Function;

/** Turns a page request into a keyset query for one more than the page, so the last page carries no marker. */
final class Listing {

    private Listing() {
    }

    static Page<Certificate> page(PageRequest request, Function<ListingQuery, Seq<Certificate>> query) {
        int size = request.size().value();
        var found = query.apply(new ListingQuery(request.marker().map(PageMarker::key), request.order(), size + 1));
        if (found.size() <= size) {
            return new Page<>(found, Option.none());
        }
        var page = found.take(size);
        return new Page<>(page, Option.some(PageMarker.after(page.last().listingKey())));
    }
}
