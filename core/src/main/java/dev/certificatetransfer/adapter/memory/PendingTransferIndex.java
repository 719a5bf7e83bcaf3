package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.PendingTransferKey;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The sweep's index: the keys of every pending transfer, sorted by transfer date then id, so a page of due
 * transfers costs a logarithmic seek plus the page. The set is guarded by its own monitor, held for one add or
 * remove (under the certificate's commit lock) or for copying one batch of keys; readers look certificates up
 * outside it and re-check each against the current state, as {@link AccountIndex} does.
 */
final class PendingTransferIndex {

    private final TreeSet<PendingTransferKey> keys = new TreeSet<>();

    /** Moves the certificate's key in or out as its transfer opens or closes; {@code null} stands for "absent". */
    void update(Certificate before, Certificate after) {
        var was = before == null ? null : PendingTransferKey.of(before).getOrNull();
        var is = after == null ? null : PendingTransferKey.of(after).getOrNull();
        if (was == null ? is == null : was.equals(is)) {
            return;
        }
        synchronized (keys) {
            if (was != null) {
                keys.remove(was);
            }
            if (is != null) {
                keys.add(is);
            }
        }
    }

    /** Up to {@code query.limit()} certificates whose pending transfer is due by the query's date, in key order. */
    Seq<Certificate> due(DueTransfersQuery query, Function<CertificateId, Certificate> current) {
        var found = new ArrayList<Certificate>(Math.min(query.limit(), 256));
        var after = query.after().getOrNull();
        while (found.size() < query.limit()) {
            int wanted = query.limit() - found.size();
            var batch = batch(query, after, wanted);
            for (PendingTransferKey key : batch) {
                var certificate = current.apply(key.certificateId());
                if (certificate != null && PendingTransferKey.of(certificate).contains(key)) {
                    found.add(certificate);
                }
            }
            if (batch.size() < wanted) {
                break;
            }
            after = batch.get(batch.size() - 1);
        }
        return Array.ofAll(found);
    }

    private List<PendingTransferKey> batch(DueTransfersQuery query, PendingTransferKey after, int size) {
        var batch = new ArrayList<PendingTransferKey>(Math.min(size, 256));
        synchronized (keys) {
            var iterator = (after == null ? keys : keys.tailSet(after, false)).iterator();
            while (batch.size() < size && iterator.hasNext()) {
                var key = iterator.next();
                if (key.transferDate().isAfter(query.transferredAtOrBefore())) {
                    break;
                }
                batch.add(key);
            }
        }
        return batch;
    }
}
