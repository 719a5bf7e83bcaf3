package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a certificate stands in a listing: ordered by creation date, then by id, so keys never tie
 * (docs/behaviour.md, section 12).
 *
 * @param creationDate the certificate's creation date
 * @param certificateId the certificate's id
 */
public record ListingKey(Instant creationDate, CertificateId certificateId) implements Comparable<ListingKey> {

    /**
     * A listing key.
     *
     * @param creationDate the certificate's creation date
     * @param certificateId the certificate's id
     * @throws NullPointerException if either is null
     */
    public ListingKey {
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    /** Orders by creation date, then by id compared as a string (so by byte order: the ids are lowercase hex). */
    @Override
    public int compareTo(ListingKey other) {
        int byDate = creationDate.compareTo(other.creationDate);
        return byDate != 0 ? byDate : certificateId.value().compareTo(other.certificateId.value());
    }

    /**
     * The key that orders the certificate in listings: its creation date, then its id.
     *
     * @param certificate the certificate
     * @return its key
     */
    public static ListingKey of(Certificate certificate) {
        return new ListingKey(certificate.creationDate(), certificate.id());
    }
}
