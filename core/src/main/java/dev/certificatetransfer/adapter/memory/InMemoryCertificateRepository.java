package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateChange;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.StoredCertificate;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.port.CertificateRepository;
import dev.certificatetransfer.port.CommitOutcome;
import dev.certificatetransfer.port.EventPublisher;
import dev.certificatetransfer.port.ListingQuery;
import io.vavr.collection.Seq;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread-safe {@link CertificateRepository} in memory. Reads never block; a commit locks only its own id's hash
 * bin while it compares the version, swaps the state, updates the listing indexes and queues the event. A deleted
 * certificate leaves its version behind (a tombstone), so a version is never reused for an id.
 *
 * <p>Events reach the {@link EventPublisher} after their commit, on a committing thread, in commit order (so one
 * certificate's events in version order): one thread at a time drains the queue. A publisher that throws is
 * logged and its event dropped; the committed change stands and the caller is not told.
 *
 * <p>Two sorted indexes per account, one holding the certificates it owns or that are pending transfer to it, one
 * holding those it owns that are pending transfer, make both listings cost a seek plus the page.
 */
public final class InMemoryCertificateRepository implements CertificateRepository {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCertificateRepository.class);

    private final ConcurrentHashMap<CertificateId, StoredCertificate> stored = new ConcurrentHashMap<>();
    private final AccountIndex visible = new AccountIndex(InMemoryCertificateRepository::ownerAndPendingTarget);
    private final AccountIndex outgoing = new AccountIndex(InMemoryCertificateRepository::ownerIfPending);
    private final ConcurrentLinkedQueue<CertificateEvent> undelivered = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivering = new ReentrantLock();
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
    public StoredCertificate find(CertificateId id) {
        var found = stored.get(id);
        return found != null ? found : StoredCertificate.NEVER_STORED;
    }

    @Override
    public CommitOutcome commit(CertificateChange change) {
        var committed = new boolean[1];
        stored.compute(change.certificateId(), (id, was) -> {
            if ((was == null ? 0 : was.version()) != change.expectedVersion()) {
                return was;
            }
            var before = was == null ? null : was.certificate().getOrNull();
            var after = change.after().getOrNull();
            visible.update(before, after);
            outgoing.update(before, after);
            undelivered.add(change.event());
            committed[0] = true;
            return after != null ? StoredCertificate.of(after) : StoredCertificate.deleted(change.newVersion());
        });
        if (!committed[0]) {
            return CommitOutcome.CONFLICT;
        }
        deliver();
        return CommitOutcome.COMMITTED;
    }

    @Override
    public Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query) {
        return visible.list(account, query, this::current);
    }

    @Override
    public Seq<Certificate> listOutgoing(AccountId account, ListingQuery query) {
        return outgoing.list(account, query, this::current);
    }

    private Certificate current(CertificateId id) {
        var found = stored.get(id);
        return found == null ? null : found.certificate().getOrNull();
    }

    /** Hands queued events to the publisher, one thread at a time, until none is left. */
    private void deliver() {
        while (!undelivered.isEmpty() && delivering.tryLock()) {
            try {
                CertificateEvent event;
                while ((event = undelivered.poll()) != null) {
                    publishSafely(event);
                }
            } finally {
                delivering.unlock();
            }
        }
    }

    private void publishSafely(CertificateEvent event) {
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("The event publisher failed on {} of certificate {} (version {}); the change stands", event.type(),
                    event.certificateId(), event.version(), e);
        }
    }

    /** The accounts that see the certificate: its owner and, while a transfer is pending, the target. */
    private static List<AccountId> ownerAndPendingTarget(Certificate c) {
        return c.lastTransfer().getOrNull() instanceof Transfer.Pending pending
                ? List.of(c.owner(), pending.target())
                : List.of(c.owner());
    }

    /** The account whose outgoing listing holds the certificate: its owner, while a transfer is pending. */
    private static List<AccountId> ownerIfPending(Certificate c) {
        return c.lastTransfer().getOrNull() instanceof Transfer.Pending ? List.of(c.owner()) : List.of();
    }
}
