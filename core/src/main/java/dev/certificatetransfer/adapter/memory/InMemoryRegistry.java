package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.spi.CommitOutcome;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-memory repository's things and policies, and for each the certificates attached to it (the reverse of the
 * certificates' own attachments). Not thread-safe by itself: the repository calls it under its registry lock.
 */
final class InMemoryRegistry {

    private record Key(AccountId owner, String name) {}

    private final Map<Key, Thing> things = new HashMap<>();
    private final Map<Key, IotPolicy> policies = new HashMap<>();
    private final Map<Key, NavigableSet<String>> thingPrincipals = new HashMap<>();
    private final Map<Key, NavigableSet<String>> policyTargets = new HashMap<>();

    Option<Thing> findThing(AccountId owner, ThingName name) {
        return Option.of(things.get(new Key(owner, name.value())));
    }

    CommitOutcome createThing(Thing thing) {
        return things.putIfAbsent(new Key(thing.owner(), thing.name().value()), thing) == null
                ? CommitOutcome.COMMITTED
                : CommitOutcome.CONFLICT;
    }

    CommitOutcome deleteThing(Thing thing) {
        var key = new Key(thing.owner(), thing.name().value());
        var stored = things.get(key);
        if (stored == null || !stored.thingId().equals(thing.thingId()) || !empty(thingPrincipals.get(key))) {
            return CommitOutcome.CONFLICT;
        }
        things.remove(key);
        return CommitOutcome.COMMITTED;
    }

    Option<IotPolicy> findPolicy(AccountId owner, PolicyName name) {
        return Option.of(policies.get(new Key(owner, name.value())));
    }

    CommitOutcome createPolicy(IotPolicy policy) {
        return policies.putIfAbsent(new Key(policy.owner(), policy.name().value()), policy) == null
                ? CommitOutcome.COMMITTED
                : CommitOutcome.CONFLICT;
    }

    CommitOutcome deletePolicy(IotPolicy policy) {
        var key = new Key(policy.owner(), policy.name().value());
        if (!policies.containsKey(key) || !empty(policyTargets.get(key))) {
            return CommitOutcome.CONFLICT;
        }
        policies.remove(key);
        return CommitOutcome.COMMITTED;
    }

    Seq<CertificateId> listThingPrincipals(AccountId owner, ThingName thing, Option<CertificateId> after, int limit) {
        return page(thingPrincipals.get(new Key(owner, thing.value())), after, limit);
    }

    Seq<CertificateId> listPolicyTargets(AccountId owner, PolicyName policy, Option<CertificateId> after, int limit) {
        return page(policyTargets.get(new Key(owner, policy.value())), after, limit);
    }

    /** Whether every policy and thing the certificate after the change has, and had not before, exists. */
    boolean attachable(Certificate before, Certificate after) {
        var owner = after.owner();
        return after.attachments()
                        .policies()
                        .forAll(p -> (before != null
                                        && before.attachments().policies().contains(p))
                                || policies.containsKey(new Key(owner, p.value())))
                && after.attachments()
                        .things()
                        .forAll(t ->
                                (before != null && before.attachments().things().contains(t))
                                        || things.containsKey(new Key(owner, t.value())));
    }

    /** Keeps the reverse indexes in step with a committed change of a certificate. */
    void update(Certificate before, Certificate after) {
        if (before != null) {
            before.attachments().policies().forEach(p -> remove(policyTargets, before.owner(), p.value(), before));
            before.attachments().things().forEach(t -> remove(thingPrincipals, before.owner(), t.value(), before));
        }
        if (after != null) {
            after.attachments()
                    .policies()
                    .forEach(p -> policyTargets
                            .computeIfAbsent(new Key(after.owner(), p.value()), k -> new TreeSet<>())
                            .add(after.id().value()));
            after.attachments()
                    .things()
                    .forEach(t -> thingPrincipals
                            .computeIfAbsent(new Key(after.owner(), t.value()), k -> new TreeSet<>())
                            .add(after.id().value()));
        }
    }

    private static void remove(Map<Key, NavigableSet<String>> index, AccountId owner, String name, Certificate c) {
        var key = new Key(owner, name);
        var ids = index.get(key);
        if (ids != null) {
            ids.remove(c.id().value());
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static boolean empty(Set<String> ids) {
        return ids == null || ids.isEmpty();
    }

    private static Seq<CertificateId> page(NavigableSet<String> ids, Option<CertificateId> after, int limit) {
        if (ids == null) {
            return List.empty();
        }
        var tail = after.isDefined() ? ids.tailSet(after.get().value(), false) : ids;
        return List.ofAll(tail).take(limit).map(CertificateId::new);
    }
}
