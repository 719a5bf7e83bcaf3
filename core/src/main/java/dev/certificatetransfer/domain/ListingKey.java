package dev.certificatetransfer.domain;

import java.time.Instant;
import java.util.Objects;

/** Where a certificate stands in a listing: ordered by creation date, then by id, so keys never tie. */
public record ListingKey(Instant creationDate, CertificateId certificateId) implements Comparable<ListingKey> {

    public ListingKey {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    @Override
    public int compareTo(ListingKey other) {
        int byDate = creationDate.compareTo(other.creationDate);
        return byDate != 0 ? byDate : certificateId.value().compareTo(other.certificateId.value());
    }
}
