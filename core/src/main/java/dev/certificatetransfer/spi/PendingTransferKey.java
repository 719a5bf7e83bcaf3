package dev.certificatetransfer.spi;

import io.vavr.control.Option;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a pending transfer stands in the sweep's order: by transfer date, then by certificate id, so keys never
 * tie and the oldest transfers, the first to expire, come first.
 */
public record PendingTransferKey(Instant transferDate, CertificateId certificateId)
        implements Comparable<PendingTransferKey> {

    public PendingTransferKey {
        Objects.requireNonNull(transferDate, "transferDate");
        Objects.requireNonNull(certificateId, "certificateId");
    }

    @Override
    public int compareTo(PendingTransferKey other) {
        int byDate = transferDate.compareTo(other.transferDate);
        return byDate != 0 ? byDate : certificateId.value().compareTo(other.certificateId.value());
    }

    /** The key of the certificate's pending transfer in the sweep's order; none unless it is {@code PENDING_TRANSFER}. */
    public static Option<PendingTransferKey> of(Certificate certificate) {
        return certificate.pendingTransfer().map(p -> new PendingTransferKey(p.transferDate(), certificate.id()));
    }
}
