package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a pending transfer stands in the sweep's order: by transfer date, then by certificate id, so keys never
 * tie and the oldest transfers, the first to expire, come first.
 *
 * @param transferDate the pending transfer's date
 * @param certificateId the certificate's id
 */
public record PendingTransferKey(Instant transferDate, CertificateId certificateId)
        implements Comparable<PendingTransferKey> {

    /**
     * A pending transfer's key.
     *
     * @param transferDate the pending transfer's date
     * @param certificateId the certificate's id
     * @throws NullPointerException if either is null
     */
    public PendingTransferKey {
        Objects.requireNonNull(transferDate, "transferDate");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    /** Orders by transfer date, then by id compared as a string (so by byte order: the ids are lowercase hex). */
    @Override
    public int compareTo(PendingTransferKey other) {
        int byDate = transferDate.compareTo(other.transferDate);
        return byDate != 0 ? byDate : certificateId.value().compareTo(other.certificateId.value());
    }

    /**
     * The key of the certificate's pending transfer in the sweep's order.
     *
     * @param certificate the certificate
     * @return its key; none unless it is {@code PENDING_TRANSFER}
     */
    public static Option<PendingTransferKey> of(Certificate certificate) {
        return certificate.pendingTransfer().map(p -> new PendingTransferKey(p.transferDate(), certificate.id()));
    }
}
