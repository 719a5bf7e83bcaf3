package dev.certificatetransfer.spi;

import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.port.in.SortOrder;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A keyset page request: the certificates strictly after {@code after} in the chosen order, at most {@code limit}
 * of them. Cost grows with the limit, never with how far into the listing the key is.
 */
public record ListingQuery(Option<ListingKey> after, SortOrder order, int limit) {

    public ListingQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new IllegalArgumentException("a listing asks for at least one certificate");
        }
    }

}
