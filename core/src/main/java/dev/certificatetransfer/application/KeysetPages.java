package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.spi.ListingQuery;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.function.Function;

/**
 * Turns a page request into keyset queries for one more than the page, so the last page carries no marker. Each
 * certificate found is shown as the caller must see it now, and dropped if it no longer belongs to the listing (a
 * transfer that expired but whose expiry is not written yet); the page is then filled from further queries, each
 * continuing after the last key found, so it is as full as it would be had the expiry been written.
 */
final class KeysetPages {

    private KeysetPages() {}

    static Page<Certificate> page(
            PageRequest request,
            Function<ListingQuery, Seq<Certificate>> query,
            Function<Certificate, Option<Certificate>> seen) {
        int size = request.size().value();
        Seq<Certificate> kept = Array.empty();
        Option<ListingKey> after = request.marker().map(KeysetPages::keyOf);
        while (kept.size() <= size) {
            int wanted = size + 1 - kept.size();
            var found = query.apply(new ListingQuery(after, request.order(), wanted));
            kept = kept.appendAll(found.flatMap(seen));
            if (found.size() < wanted) {
                break;
            }
            after = Option.some(ListingKey.of(found.last()));
        }
        if (kept.size() <= size) {
            return new Page<>(kept, Option.none());
        }
        var page = kept.take(size);
        return new Page<>(page, Option.some(markerAfter(ListingKey.of(page.last()))));
    }

    /** The marker that continues a listing after the key. */
    static PageMarker markerAfter(ListingKey key) {
        return PageMarker.after(key.creationDate(), key.certificateId());
    }

    /** The key a marker names. */
    static ListingKey keyOf(PageMarker marker) {
        return new ListingKey(marker.creationDate(), marker.certificateId());
    }
}
