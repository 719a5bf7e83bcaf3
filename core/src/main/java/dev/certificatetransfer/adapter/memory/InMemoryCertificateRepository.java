package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateChange;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.port.CertificateRepository;
import dev.certificatetransfer.port.CommitOutcome;
import dev.certificatetransfer.port.EventPublisher;
import dev.certificatetransfer.port.ListingQuery;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link CertificateRepository} in memory. Reads never block; a commit locks only its own
 * certificate's hash bin while it compares the version, swaps the state and updates the listing indexes, then
 * hands the event to the {@link EventPublisher} on the committing thread. Two commits to one certificate from
 * different threads may reach the publisher in either order; a certificate's events are ordered by their time.
 *
 * <p>One sorted index per account holds the certificates it owns or that are pending transfer to it, so a
 * transfer or a cancellation moves one index entry. Listings start at the marker's key directly; the outgoing
 * listing walks the owner's entries and skips those not pending transfer, so its cost grows with the page and
 * the certificates skipped, never with the offset.
 */
public final class InMemoryCertificateRepository implements CertificateRepository {

    private final ConcurrentHashMap<CertificateId, Certificate> certificates = new ConcurrentHashMap<>();
    private final AccountIndex related = new AccountIndex();
    private final EventPublisher publisher;

    /** A repository whose events go nowhere. */
    public InMemoryCertificateRepository() {
        this(EventPublisher.none());
    }

    /** A repository that hands every committed event to the publisher. */
    public InMemoryCertificateRepository(EventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public Option<Certificate> find(CertificateId id) {
        return Option.of(certificates.get(id));
    }

    @Override
    public CommitOutcome commit(CertificateChange change) {
        var committed = new boolean[1];
        certificates.compute(change.certificateId(), (id, stored) -> {
            if (versionOf(stored) != change.expectedVersion()) {
                return stored;
            }
            var after = change.after().getOrNull();
            related.update(stored, after);
            committed[0] = true;
            return after;
        });
        if (!committed[0]) {
            return CommitOutcome.CONFLICT;
        }
        publisher.publish(change.event());
        return CommitOutcome.COMMITTED;
    }

    @Override
    public Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query) {
        return related.list(account, query, certificates::get, certificate -> true);
    }

    @Override
    public Seq<Certificate> listOutgoing(AccountId account, ListingQuery query) {
        return related.list(account, query, certificates::get,
                certificate -> certificate.owner().equals(account) && certificate.status() == CertificateStatus.PENDING_TRANSFER);
    }

    private static long versionOf(Certificate stored) {
        return stored == null ? 0 : stored.version();
    }
}
