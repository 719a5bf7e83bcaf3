package dev.certificatetransfer.spi;

import dev.certificatetransfer.port.in.SortOrder;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * A keyset page request: the certificates strictly after {@code after} in the chosen order, at most {@code limit}
 * of them. Cost grows with the limit, never with how far into the listing the key is.
 *
 * @param after the key to start strictly after, in {@code order}; none for the first page
 * @param order ascending or descending {@link ListingKey} order
 * @param limit how many certificates at most, at least 1
 */
public record ListingQuery(Option<ListingKey> after, SortOrder order, int limit) {

    /**
     * A keyset page request.
     *
     * @param after the key to start strictly after, or none
     * @param order the order
     * @param limit how many certificates at most
     * @throws NullPointerException if {@code after} or {@code order} is null
     * @throws IllegalArgumentException if {@code limit} is less than 1
     */
    public ListingQuery {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(order, "order");
        if (limit < 1) {
            throw new IllegalArgumentException("a listing asks for at least one certificate");
        }
    }
}
