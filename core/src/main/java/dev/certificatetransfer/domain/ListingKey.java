package dev.certificatetransfer.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** Where a certificate stands in a listing: ordered by creation date, then by id, so keys never tie. */
public record ListingKey(Instant creationDate, CertificateId certificateId) implements Comparable<ListingKey> {

    private static final Comparator<ListingKey> ORDER = Comparator.comparing(ListingKey::creationDate)
            .thenComparing(key -> key.certificateId().value());

    public ListingKey {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    @Override
    public int compareTo(ListingKey other) {
        return ORDER.compare(this, other);
    }
}
