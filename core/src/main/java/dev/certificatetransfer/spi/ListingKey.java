package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
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

    /** The key that orders the certificate in listings: its creation date, then its id. */
    public static ListingKey of(Certificate certificate) {
        return new ListingKey(certificate.creationDate(), certificate.id());
    }
}
