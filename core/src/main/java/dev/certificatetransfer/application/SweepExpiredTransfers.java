package dev.certificatetransfer.application;

import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.PendingTransferKey;
import io.vavr.control.Option;

/**
 * The expiry sweep (ours: docs/behaviour.md, section 14): writes the expiry of every transfer that is due, one keyset
 * page of due
 * transfers at a time, so its cost grows with the expired transfers, not with the certificates. Each expiry is its
 * own compare-and-set; one that someone else wrote first (a reader's write, another sweep) is not written again.
 */
final class SweepExpiredTransfers {

    /** The page size of {@link CertificateTransferService#sweepExpiredTransfers()}. */
    static final int DEFAULT_PAGE_SIZE = 500;

    private final CertificateRepository repository;
    private final CommitLoop commitLoop;
    private final ExpiryView expiryView;
    private final ServiceListener listener;

    SweepExpiredTransfers(
            CertificateRepository repository, CommitLoop commitLoop, ExpiryView expiryView, ServiceListener listener) {
        this.repository = repository;
        this.commitLoop = commitLoop;
        this.expiryView = expiryView;
        this.listener = listener;
    }

    /** How many expiries this sweep wrote; 0 when transfers never expire. */
    int sweep(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a sweep reads pages of at least one transfer");
        }
        var dueBy = expiryView.expiry().dueBy(expiryView.now());
        if (dueBy.isEmpty()) {
            listener.sweepFinished(0);
            return 0;
        }
        int expired = 0;
        Option<PendingTransferKey> after = Option.none();
        while (true) {
            var page = repository.listDueTransfers(new DueTransfersQuery(dueBy.get(), after, pageSize));
            for (var due : page) {
                expired += commitLoop.expire(due.id()) == CommitLoop.Expiry.EXPIRED ? 1 : 0;
            }
            if (page.size() < pageSize) {
                listener.sweepFinished(expired);
                return expired;
            }
            after = PendingTransferKey.of(page.last());
        }
    }
}
