package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.EventPublisher;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A thread-safe {@link CertificateRepository} and {@link RegistryRepository} in memory. {@code find} never blocks; a
 * commit locks only its own id's hash bin while it compares the version, swaps the state, updates the listing indexes
 * and queues the event. A deleted certificate leaves its version behind (a tombstone), so a version is never reused
 * for an id.
 *
 * <p>Events reach the {@link EventPublisher} after their commit, in commit order (so one certificate's events in
 * version order), one at a time: a commit that finds nobody delivering publishes its own event before it returns;
 * one that finds another thread delivering leaves its event in a queue that thread drains. A publisher that throws
 * an exception is logged and its event dropped; the committed change stands and the caller is not told.
 *
 * <p>Two sorted indexes per account, one holding the certificates it owns or that are pending transfer to it, one
 * holding those it owns that are pending transfer, make both listings cost a seek plus the page; a listing takes
 * the account's index lock only while it copies one batch of keys. A third index, of pending transfers by transfer
 * date, makes a page of the expiry sweep cost a seek plus the page. What each account owns is counted as it
 * commits, so {@link #usage} is one lookup.
 *
 * <p>Things, policies and which certificates are attached to each live under one registry lock, which a commit also
 * takes when the certificate has or gets attachments: an attach commits only while its policy or thing exists, and
 * a policy or thing is deleted only while nothing is attached to it, so either order is one outcome.
 */
public final class InMemoryCertificateRepository implements CertificateRepository, RegistryRepository {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryCertificateRepository.class);

    private final ConcurrentHashMap<CertificateId, StoredCertificate> stored = new ConcurrentHashMap<>();
    private final AccountIndex visible = AccountIndex.visible();
    private final AccountIndex outgoing = AccountIndex.outgoing();
    private final PendingTransferIndex pending = new PendingTransferIndex();
    private final OwnerUsage ownerUsage = new OwnerUsage();
    private final ConcurrentLinkedQueue<CertificateEvent> undelivered = new ConcurrentLinkedQueue<>();
    private final ReentrantLock delivering = new ReentrantLock();
    private final EventPublisher publisher;
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final ReentrantLock registryLock = new ReentrantLock();

    /** A repository whose events go nowhere. */
    public InMemoryCertificateRepository() {
        this(EventPublisher.none());
    }

    /**
     * A repository that hands every committed event to the publisher.
     *
     * @param publisher where committed events go
     * @throws NullPointerException if it is null
     */
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
        var before = change.before().getOrNull();
        var after = change.after().getOrNull();
        boolean touchesRegistry = (before != null && !before.attachments().isEmpty())
                || (after != null && !after.attachments().isEmpty());
        Delivery outcome;
        if (touchesRegistry) {
            registryLock.lock();
            try {
                outcome = after == null || registry.attachable(before, after)
                        ? compareAndSet(change, true)
                        : Delivery.NONE;
            } finally {
                registryLock.unlock();
            }
        } else {
            outcome = compareAndSet(change, false);
        }
        switch (outcome) {
            case NONE -> {
                return CommitOutcome.CONFLICT;
            }
            case OWN_FIRST -> deliverOwnThenQueued(change.event());
            case QUEUED -> deliverQueued();
        }
        return CommitOutcome.COMMITTED;
    }

    private Delivery compareAndSet(CertificateChange change, boolean updateRegistry) {
        var outcome = new Delivery[] {Delivery.NONE};
        stored.compute(change.certificateId(), (id, was) -> {
            if ((was == null ? 0 : was.version()) != change.expectedVersion()) {
                return was;
            }
            var before = was == null ? null : was.certificate().getOrNull();
            var after = change.after().getOrNull();
            var next = after != null ? StoredCertificate.of(after) : StoredCertificate.deleted(change.newVersion());
            visible.update(before, after);
            outgoing.update(before, after);
            pending.update(before, after);
            ownerUsage.update(before, after);
            if (updateRegistry) {
                registry.update(before, after);
            }
            outcome[0] = deliverFirstOrQueue(change.event());
            return next;
        });
        return outcome[0];
    }

    @Override
    public Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query) {
        return visible.list(account, query, this::current);
    }

    @Override
    public Seq<Certificate> listOutgoing(AccountId account, ListingQuery query) {
        return outgoing.list(account, query, this::current);
    }

    @Override
    public Seq<Certificate> listDueTransfers(DueTransfersQuery query) {
        return pending.due(query, this::current);
    }

    @Override
    public AccountUsage usage(AccountId owner) {
        return ownerUsage.of(owner);
    }

    @Override
    public Option<Thing> findThing(AccountId owner, ThingName name) {
        return underRegistryLock(() -> registry.findThing(owner, name));
    }

    @Override
    public CommitOutcome createThing(Thing thing) {
        return underRegistryLock(() -> registry.createThing(thing));
    }

    @Override
    public CommitOutcome deleteThing(Thing thing) {
        return underRegistryLock(() -> registry.deleteThing(thing));
    }

    @Override
    public Seq<CertificateId> listThingPrincipals(
            AccountId owner, ThingName thing, Option<CertificateId> after, int limit) {
        return underRegistryLock(() -> registry.listThingPrincipals(owner, thing, after, limit));
    }

    @Override
    public Option<IotPolicy> findPolicy(AccountId owner, PolicyName name) {
        return underRegistryLock(() -> registry.findPolicy(owner, name));
    }

    @Override
    public CommitOutcome createPolicy(IotPolicy policy) {
        return underRegistryLock(() -> registry.createPolicy(policy));
    }

    @Override
    public CommitOutcome deletePolicy(IotPolicy policy) {
        return underRegistryLock(() -> registry.deletePolicy(policy));
    }

    @Override
    public Seq<CertificateId> listPolicyTargets(
            AccountId owner, PolicyName policy, Option<CertificateId> after, int limit) {
        return underRegistryLock(() -> registry.listPolicyTargets(owner, policy, after, limit));
    }

    private <T> T underRegistryLock(Supplier<T> action) {
        registryLock.lock();
        try {
            return action.get();
        } finally {
            registryLock.unlock();
        }
    }

    private Certificate current(CertificateId id) {
        var found = stored.get(id);
        return found == null ? null : found.certificate().getOrNull();
    }

    /** What a commit must do about its event once it leaves the certificate's lock. */
    private enum Delivery {
        NONE,
        OWN_FIRST,
        QUEUED
    }

    /**
     * Called under the certificate's lock, so a later change of the same certificate comes after. If nothing is
     * queued and nobody delivers, this commit takes the delivery lock and publishes its own event first (no queue);
     * else its event joins the queue behind the certificate's earlier events.
     */
    private Delivery deliverFirstOrQueue(CertificateEvent event) {
        if (!delivering.isHeldByCurrentThread() && undelivered.isEmpty() && delivering.tryLock()) {
            return Delivery.OWN_FIRST;
        }
        undelivered.add(event);
        return Delivery.QUEUED;
    }

    private void deliverOwnThenQueued(CertificateEvent event) {
        try {
            publishSafely(event);
            drain();
        } finally {
            delivering.unlock();
            deliverQueued(); // even if the publisher threw an Error: events queued meanwhile must not be stranded
        }
    }

    /**
     * Hands queued events to the publisher, one thread at a time, until none is left. A publisher that commits
     * from inside {@code publish} leaves its event queued: the outer delivery publishes it once the current call
     * has returned, so the publisher is never called re-entrantly.
     */
    private void deliverQueued() {
        if (delivering.isHeldByCurrentThread()) {
            return;
        }
        while (!undelivered.isEmpty() && delivering.tryLock()) {
            try {
                drain();
            } finally {
                delivering.unlock();
            }
        }
    }

    private void drain() {
        CertificateEvent event;
        while ((event = undelivered.poll()) != null) {
            publishSafely(event);
        }
    }

    private void publishSafely(CertificateEvent event) {
        try {
            publisher.publish(event);
        } catch (Exception e) {
            // Exception, not only RuntimeException: a publisher may throw a checked exception sneakily. Errors
            // propagate.
            LOG.warn(
                    "The event publisher failed on {} of certificate {} (version {}); the change stands",
                    event.type(),
                    event.certificateId(),
                    event.version(),
                    e);
        }
    }
}
