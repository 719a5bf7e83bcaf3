package dev.certificatetransfer.testing;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.ListingQuery;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The contract of a repository that is both a {@link CertificateRepository} and a {@link RegistryRepository}:
 * things and policies by owner and name, attachments that are part of the certificate (they survive a round trip and
 * are committed with its compare-and-set), an attach that commits only while its policy or thing exists, a deletion
 * of a policy or thing only while nothing is attached, and the keyset listings of a policy's targets and a thing's
 * principals. Extend it, create a fresh empty repository in {@link #newRepository()}, return what it recorded or
 * published in {@link #recordedEvents()}, and, to make the races certain, hold a policy's or thing's writers back in
 * {@link #holdWriters}.
 *
 * @param <R> the repository under test
 */
public abstract class RegistryRepositoryContract<R extends CertificateRepository & RegistryRepository> {

    private static final PolicyName READ_ONLY = new PolicyName("read-only");
    private static final PolicyName PUBLISH = new PolicyName("publish");
    private static final ThingName SENSOR = new ThingName("sensor-1");

    protected R repository;
    private final TickingClock clock = new TickingClock();

    /** A new, empty repository; called before every test. */
    protected abstract R newRepository();

    /** The events the repository under test recorded (outbox) or published, oldest first. */
    protected abstract Seq<CertificateEvent> recordedEvents();

    /**
     * Holds back the writers of the owner's policy or thing of that name (an attach of it, its deletion) until the
     * hold is closed, so that a race between them is certain. By default nothing is held, and the racers only start
     * together.
     *
     * @param owner the policy's or thing's account
     * @param table {@code "registry_policy"} or {@code "registry_thing"}, as the JDBC adapter names them
     * @param name its name
     * @return the hold
     */
    protected Hold holdWriters(AccountId owner, String table, String name) {
        return Hold.NONE;
    }

    /** Writers held back until {@link #close}. */
    public interface Hold extends AutoCloseable {

        /** Holds nothing. */
        Hold NONE = new Hold() {
            @Override
            public void awaitHeld(int writers) {}

            @Override
            public void close() {}
        };

        /**
         * Returns once that many writers wait for the hold (or fails the test after a deadline).
         *
         * @param writers how many
         */
        void awaitHeld(int writers);

        /** Lets the writers go. */
        @Override
        void close();
    }

    @BeforeEach
    void createRepository() {
        repository = newRepository();
    }

    /** A caller of the account with a name of its own, as in {@code CertificateRepositoryContract}. */
    protected static Principal by(AccountId account) {
        return new Principal(account, "tenant:" + account.value() + "/user:ops");
    }

    protected Certificate register(int n, AccountId owner) {
        ParsedCertificate parsed = TestCertificates.variant(n);
        var event = new CertificateRegistered(
                parsed.id(),
                by(owner),
                parsed.pem(),
                parsed.validity(),
                CertificateMode.DEFAULT,
                CertificateStatus.INACTIVE,
                clock.instant(),
                repository.find(parsed.id()).nextVersion());
        return commitOrFail(CertificateChange.of(Option.none(), event));
    }

    protected IotPolicy policy(AccountId owner, PolicyName name) {
        var policy = new IotPolicy(
                name, owner, new PolicyDocument("{\"Version\": \"2012-10-17\", \"Statement\": []}"), clock.instant());
        assertThat(repository.createPolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
        return policy;
    }

    protected Thing thing(AccountId owner, ThingName name) {
        var thing = new Thing(name, owner, UUID.randomUUID(), ThingAttributes.NONE, 1, clock.instant());
        assertThat(repository.createThing(thing)).isEqualTo(CommitOutcome.COMMITTED);
        return thing;
    }

    private CertificateChange attach(Certificate c, PolicyName policy) {
        return CertificateChange.of(
                Option.some(c),
                new PolicyAttached(c.id(), by(c.owner()), policy, c.status(), clock.instant(), c.nextVersion()));
    }

    private CertificateChange attach(Certificate c, ThingName thing) {
        return CertificateChange.of(
                Option.some(c),
                new ThingAttached(c.id(), by(c.owner()), thing, c.status(), clock.instant(), c.nextVersion()));
    }

    private CertificateChange detach(Certificate c, PolicyName policy) {
        return CertificateChange.of(
                Option.some(c),
                new PolicyDetached(c.id(), by(c.owner()), policy, c.status(), clock.instant(), c.nextVersion()));
    }

    private CertificateChange detach(Certificate c, ThingName thing) {
        return CertificateChange.of(
                Option.some(c),
                new ThingDetached(c.id(), by(c.owner()), thing, c.status(), clock.instant(), c.nextVersion()));
    }

    private CertificateChange deletion(Certificate c) {
        return CertificateChange.of(
                Option.some(c),
                new CertificateDeleted(c.id(), by(c.owner()), c.status(), clock.instant(), c.nextVersion()));
    }

    private Certificate commitOrFail(CertificateChange change) {
        assertThat(repository.commit(change)).as("%s", change.event()).isEqualTo(CommitOutcome.COMMITTED);
        return change.after().getOrNull();
    }

    private Option<Certificate> found(CertificateId id) {
        return repository.find(id).certificate();
    }

    private Seq<CertificateId> targets(AccountId owner, PolicyName policy) {
        return repository.listPolicyTargets(owner, policy, Option.none(), 100);
    }

    private Seq<CertificateId> principals(AccountId owner, ThingName thing) {
        return repository.listThingPrincipals(owner, thing, Option.none(), 100);
    }

    @Nested
    class Things {

        @Test
        void an_unknown_thing_is_not_found() {
            assertThat(repository.findThing(ALICE, SENSOR)).isEmpty();
        }

        @Test
        void a_thing_is_found_exactly_as_created_with_every_attribute() {
            var attributes = TreeMap.<String, String>empty()
                    .put("empty", "")
                    .put("a.b@c/d:e#f-g,h", "[a=b],c=")
                    .put("x".repeat(128), "v".repeat(800));
            for (int i = 0; i < ThingAttributes.MAX_ATTRIBUTES - 3; i++) {
                attributes = attributes.put("name_" + i, "value-" + i + "/@:#.,");
            }
            var thing =
                    new Thing(SENSOR, ALICE, UUID.randomUUID(), new ThingAttributes(attributes), 1, clock.instant());
            assertThat(repository.createThing(thing)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findThing(ALICE, SENSOR)).containsExactly(thing);
        }

        @Test
        void a_taken_name_conflicts_and_keeps_the_first_thing() {
            var first = thing(ALICE, SENSOR);
            var second = new Thing(SENSOR, ALICE, UUID.randomUUID(), ThingAttributes.NONE, 1, clock.instant());
            assertThat(repository.createThing(second)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.findThing(ALICE, SENSOR)).containsExactly(first);
        }

        @Test
        void another_accounts_thing_of_the_same_name_is_another_thing() {
            var alices = thing(ALICE, SENSOR);
            var bobs = thing(BOB, SENSOR);
            assertThat(repository.findThing(BOB, SENSOR)).containsExactly(bobs);
            assertThat(repository.deleteThing(bobs)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findThing(ALICE, SENSOR)).containsExactly(alices);
            assertThat(repository.findThing(BOB, SENSOR)).isEmpty();
        }

        @Test
        void a_thing_is_deleted_once() {
            var thing = thing(ALICE, SENSOR);
            assertThat(repository.deleteThing(thing)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findThing(ALICE, SENSOR)).isEmpty();
            assertThat(repository.deleteThing(thing)).isEqualTo(CommitOutcome.CONFLICT);
        }

        @Test
        void a_deletion_of_a_thing_created_anew_under_its_name_conflicts() {
            var old = thing(ALICE, SENSOR);
            assertThat(repository.deleteThing(old)).isEqualTo(CommitOutcome.COMMITTED);
            var anew = thing(ALICE, SENSOR);
            assertThat(repository.deleteThing(old)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.findThing(ALICE, SENSOR)).containsExactly(anew);
        }

        @Test
        void a_thing_with_a_certificate_attached_is_deleted_only_once_it_is_detached() {
            var thing = thing(ALICE, SENSOR);
            var attached = commitOrFail(attach(register(0, ALICE), SENSOR));
            assertThat(repository.deleteThing(thing)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.findThing(ALICE, SENSOR)).containsExactly(thing);
            commitOrFail(detach(attached, SENSOR));
            assertThat(repository.deleteThing(thing)).isEqualTo(CommitOutcome.COMMITTED);
        }
    }

    @Nested
    class Policies {

        @Test
        void a_policy_is_found_exactly_as_created() {
            var policy = new IotPolicy(
                    READ_ONLY,
                    ALICE,
                    new PolicyDocument(
                            "{\n  \"Statement\": [{\"Effect\": \"Allow\", \"Sid\": \"caf\u00e9 \uD83D\uDE00\","
                                    + " \"Resource\": \"*\"}]\n}"),
                    clock.instant());
            assertThat(repository.createPolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findPolicy(ALICE, READ_ONLY)).containsExactly(policy);
            assertThat(repository.findPolicy(ALICE, PUBLISH)).isEmpty();
        }

        @Test
        void a_taken_name_conflicts_and_keeps_the_first_policy() {
            var first = policy(ALICE, READ_ONLY);
            var second = new IotPolicy(READ_ONLY, ALICE, new PolicyDocument("{}"), clock.instant());
            assertThat(repository.createPolicy(second)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.findPolicy(ALICE, READ_ONLY)).containsExactly(first);
        }

        @Test
        void another_accounts_policy_of_the_same_name_is_another_policy() {
            var alices = policy(ALICE, READ_ONLY);
            var bobs = policy(BOB, READ_ONLY);
            commitOrFail(attach(register(0, ALICE), READ_ONLY));
            assertThat(targets(BOB, READ_ONLY)).isEmpty();
            assertThat(repository.deletePolicy(bobs)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findPolicy(ALICE, READ_ONLY)).containsExactly(alices);
            assertThat(repository.deletePolicy(alices)).isEqualTo(CommitOutcome.CONFLICT);
        }

        @Test
        void a_policy_is_deleted_once() {
            var policy = policy(ALICE, READ_ONLY);
            assertThat(repository.deletePolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.findPolicy(ALICE, READ_ONLY)).isEmpty();
            assertThat(repository.deletePolicy(policy)).isEqualTo(CommitOutcome.CONFLICT);
        }

        @Test
        void an_attached_policy_is_deleted_only_once_it_is_detached() {
            var policy = policy(ALICE, READ_ONLY);
            var attached = commitOrFail(attach(register(0, ALICE), READ_ONLY));
            assertThat(repository.deletePolicy(policy)).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.findPolicy(ALICE, READ_ONLY)).containsExactly(policy);
            commitOrFail(detach(attached, READ_ONLY));
            assertThat(repository.deletePolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
        }
    }

    @Nested
    class Attachments {

        @Test
        void attachments_survive_the_round_trip_and_every_listing() {
            policy(ALICE, READ_ONLY);
            policy(ALICE, PUBLISH);
            thing(ALICE, SENSOR);
            var c = register(0, ALICE);
            c = commitOrFail(attach(c, PUBLISH));
            c = commitOrFail(attach(c, SENSOR));
            c = commitOrFail(attach(c, READ_ONLY));
            assertThat(c.attachments().policies()).containsExactly(PUBLISH, READ_ONLY);
            assertThat(c.attachments().things()).containsExactly(SENSOR);
            assertThat(found(c.id())).containsExactly(c);
            assertThat(repository.listVisibleTo(ALICE, new ListingQuery(Option.none(), SortOrder.ASCENDING, 10)))
                    .containsExactly(c);
            assertThat(targets(ALICE, READ_ONLY)).containsExactly(c.id());
            assertThat(principals(ALICE, SENSOR)).containsExactly(c.id());
        }

        @Test
        void the_most_policies_and_things_survive_the_round_trip() {
            var c = register(0, ALICE);
            for (int i = 0; i < 10; i++) {
                policy(ALICE, new PolicyName("policy-" + i));
                thing(ALICE, new ThingName("thing-" + i));
                c = commitOrFail(attach(c, new PolicyName("policy-" + i)));
                c = commitOrFail(attach(c, new ThingName("thing-" + i)));
            }
            assertThat(c.attachments().counts().policies()).isEqualTo(10);
            assertThat(found(c.id())).containsExactly(c);
        }

        @Test
        void an_attach_of_a_policy_that_is_gone_conflicts_and_writes_nothing() {
            var policy = policy(ALICE, READ_ONLY);
            var c = register(0, ALICE);
            var events = recordedEvents().size();
            assertThat(repository.deletePolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.commit(attach(c, READ_ONLY))).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(repository.find(c.id()).version()).isEqualTo(c.version());
            assertThat(found(c.id())).containsExactly(c);
            assertThat(recordedEvents()).hasSize(events);
            assertThat(targets(ALICE, READ_ONLY)).isEmpty();
        }

        @Test
        void an_attach_of_a_thing_that_is_gone_conflicts_and_writes_nothing() {
            var thing = thing(ALICE, SENSOR);
            var c = register(0, ALICE);
            var events = recordedEvents().size();
            assertThat(repository.deleteThing(thing)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.commit(attach(c, SENSOR))).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(c.id())).containsExactly(c);
            assertThat(recordedEvents()).hasSize(events);
            assertThat(principals(ALICE, SENSOR)).isEmpty();
        }

        @Test
        void another_accounts_policy_of_the_name_does_not_let_an_attach_commit() {
            policy(BOB, READ_ONLY);
            var c = register(0, ALICE);
            assertThat(repository.commit(attach(c, READ_ONLY))).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(c.id())).containsExactly(c);
            assertThat(targets(BOB, READ_ONLY)).isEmpty();
        }

        @Test
        void an_attach_decided_on_a_stale_version_conflicts_and_writes_nothing() {
            policy(ALICE, READ_ONLY);
            policy(ALICE, PUBLISH);
            var c = register(0, ALICE);
            var withPublish = commitOrFail(attach(c, PUBLISH));
            assertThat(repository.commit(attach(c, READ_ONLY))).isEqualTo(CommitOutcome.CONFLICT);
            assertThat(found(c.id())).containsExactly(withPublish);
            assertThat(targets(ALICE, READ_ONLY)).isEmpty();
        }

        @Test
        void a_detach_removes_the_attachment_and_records_its_event() {
            policy(ALICE, READ_ONLY);
            thing(ALICE, SENSOR);
            var c = commitOrFail(attach(commitOrFail(attach(register(0, ALICE), READ_ONLY)), SENSOR));
            c = commitOrFail(detach(c, READ_ONLY));
            c = commitOrFail(detach(c, SENSOR));
            assertThat(c.attachments().isEmpty()).isTrue();
            assertThat(found(c.id())).containsExactly(c);
            assertThat(targets(ALICE, READ_ONLY)).isEmpty();
            assertThat(principals(ALICE, SENSOR)).isEmpty();
            assertThat(recordedEvents().map(CertificateEvent::type))
                    .containsExactly(
                            CertificateEvent.EventType.CERTIFICATE_REGISTERED,
                            CertificateEvent.EventType.POLICY_ATTACHED,
                            CertificateEvent.EventType.THING_ATTACHED,
                            CertificateEvent.EventType.POLICY_DETACHED,
                            CertificateEvent.EventType.THING_DETACHED);
            assertThat(CertificateChange.replay(recordedEvents())).containsExactly(c);
        }

        @Test
        void the_recorded_events_name_the_attachments_and_replay_to_the_certificate() {
            policy(ALICE, READ_ONLY);
            thing(ALICE, SENSOR);
            var attachThing = attach(register(0, ALICE), SENSOR);
            var attachPolicy = attach(commitOrFail(attachThing), READ_ONLY);
            var c = commitOrFail(attachPolicy);
            assertThat(recordedEvents().takeRight(2)).containsExactly(attachThing.event(), attachPolicy.event());
            assertThat(CertificateChange.replay(recordedEvents())).containsExactly(c);
        }

        @Test
        void a_forced_deletion_removes_the_attachments_and_the_policies_can_be_deleted() {
            var readOnly = policy(ALICE, READ_ONLY);
            var publish = policy(ALICE, PUBLISH);
            var c = commitOrFail(attach(commitOrFail(attach(register(0, ALICE), READ_ONLY)), PUBLISH));
            commitOrFail(deletion(c));
            assertThat(found(c.id())).isEmpty();
            assertThat(targets(ALICE, READ_ONLY)).isEmpty();
            assertThat(repository.deletePolicy(readOnly)).isEqualTo(CommitOutcome.COMMITTED);
            assertThat(repository.deletePolicy(publish)).isEqualTo(CommitOutcome.COMMITTED);
            var again = register(0, BOB);
            assertThat(found(again.id())).containsExactly(again);
            assertThat(again.attachments().isEmpty()).isTrue();
        }
    }

    @Nested
    class Listings {

        @Test
        void a_policys_targets_come_in_keyset_pages_by_id() {
            policy(ALICE, READ_ONLY);
            var ids = new ArrayList<CertificateId>();
            for (int n = 0; n < 7; n++) {
                ids.add(commitOrFail(attach(register(n, ALICE), READ_ONLY)).id());
            }
            assertPages(after -> repository.listPolicyTargets(ALICE, READ_ONLY, after, 3), ids);
            assertThat(repository.listPolicyTargets(ALICE, PUBLISH, Option.none(), 3))
                    .isEmpty();
            assertThat(repository.listPolicyTargets(BOB, READ_ONLY, Option.none(), 3))
                    .isEmpty();
        }

        @Test
        void a_things_principals_come_in_keyset_pages_by_id() {
            thing(ALICE, SENSOR);
            var ids = new ArrayList<CertificateId>();
            for (int n = 0; n < 7; n++) {
                ids.add(commitOrFail(attach(register(n, ALICE), SENSOR)).id());
            }
            assertPages(after -> repository.listThingPrincipals(ALICE, SENSOR, after, 3), ids);
            assertThat(repository.listThingPrincipals(BOB, SENSOR, Option.none(), 3))
                    .isEmpty();
        }

        /** Pages of 3 by id ascending (as Java strings), each after the previous page's last id. */
        private void assertPages(
                Function<Option<CertificateId>, Seq<CertificateId>> page, java.util.List<CertificateId> ids) {
            var expected = List.ofAll(ids).sortBy(CertificateId::value);
            var seen = List.<CertificateId>empty();
            var after = Option.<CertificateId>none();
            while (true) {
                var next = page.apply(after);
                assertThat(next.size()).isLessThanOrEqualTo(3);
                seen = seen.appendAll(next);
                if (next.size() < 3) {
                    break;
                }
                after = Option.some(next.last());
            }
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(page.apply(Option.some(expected.get(4)))).containsExactlyElementsOf(expected.drop(5));
        }
    }

    @Nested
    class Races {

        @Test
        void of_an_attach_and_a_deletion_of_the_policy_exactly_one_wins() throws Exception {
            for (int round = 0; round < 10; round++) {
                var name = new PolicyName("racing-" + round);
                var policy = policy(ALICE, name);
                var c = register(round, ALICE);
                var attach = attach(c, name);
                var outcomes = race(
                        holdWriters(ALICE, "registry_policy", name.value()),
                        () -> repository.commit(attach),
                        () -> repository.deletePolicy(policy));
                var attached = outcomes.get(0) == CommitOutcome.COMMITTED;
                assertThat(outcomes).as("round %s", round).containsOnlyOnce(CommitOutcome.COMMITTED);
                assertThat(found(c.id()))
                        .containsExactly(attached ? attach.after().get() : c);
                assertThat(repository.findPolicy(ALICE, name).isDefined()).isEqualTo(attached);
                assertThat(targets(ALICE, name)).isEqualTo(attached ? List.of(c.id()) : List.empty());
            }
        }

        @Test
        void of_an_attach_and_a_deletion_of_the_thing_exactly_one_wins() throws Exception {
            for (int round = 0; round < 10; round++) {
                var name = new ThingName("racing-" + round);
                var thing = thing(ALICE, name);
                var c = register(round, ALICE);
                var attach = attach(c, name);
                var outcomes = race(
                        holdWriters(ALICE, "registry_thing", name.value()),
                        () -> repository.commit(attach),
                        () -> repository.deleteThing(thing));
                var attached = outcomes.get(0) == CommitOutcome.COMMITTED;
                assertThat(outcomes).as("round %s", round).containsOnlyOnce(CommitOutcome.COMMITTED);
                assertThat(found(c.id()))
                        .containsExactly(attached ? attach.after().get() : c);
                assertThat(repository.findThing(ALICE, name).isDefined()).isEqualTo(attached);
                assertThat(principals(ALICE, name)).isEqualTo(attached ? List.of(c.id()) : List.empty());
            }
        }

        /** Runs both at once while the hold holds their writes back, then lets them go; their outcomes in order. */
        private List<CommitOutcome> race(Hold hold, Callable<CommitOutcome> first, Callable<CommitOutcome> second)
                throws Exception {
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(2);
            try (hold) {
                var one = pool.submit(() -> {
                    start.await();
                    return first.call();
                });
                var other = pool.submit(() -> {
                    start.await();
                    return second.call();
                });
                start.countDown();
                hold.awaitHeld(2);
                hold.close();
                return List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
