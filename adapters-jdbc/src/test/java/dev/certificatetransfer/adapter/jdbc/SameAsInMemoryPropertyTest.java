package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.ListingKey;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For random sequences of registrations, transfers, accepts, rejects, cancels, status changes, deletions, stale
 * commits, attaches and detaches of policies and things, and creations and deletions of policies and things, the JDBC
 * repository answers exactly what the in-memory adapter (the reference) answers: every commit's and every registry
 * write's outcome, every {@code find}, every page of both listings in both orders, from any key, and every policy's
 * targets and thing's principals.
 */
class SameAsInMemoryPropertyTest {

    private static final String[] MESSAGES = {
        "", "it's; DROP TABLE certificate; --", "back\\slash \\0 nul\0end", "\uD83D\uDE00 non-BMP"
    };
    private static final PolicyName[] POLICIES = {new PolicyName("read-only"), new PolicyName("publish")};
    private static final ThingName[] THINGS = {new ThingName("sensor-1"), new ThingName("sensor-2")};
    private static final CertificateStatus[] STATUSES = {
        CertificateStatus.INACTIVE, CertificateStatus.ACTIVE, CertificateStatus.REVOKED
    };

    @Test
    void on_h2_every_answer_is_the_in_memory_adapters() {
        try (HikariDataSource h2 = TestDatabases.h2InMemory()) {
            check(h2, 150);
        }
    }

    @Test
    void on_postgres_every_answer_is_the_in_memory_adapters() {
        check(TestDatabases.postgres(), 60);
    }

    private static void check(DataSource dataSource, int examples) {
        qt().withExamples(examples)
                .withShrinkCycles(200)
                .forAll(
                        lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 40),
                        integers().between(1, 4),
                        integers().between(0, Integer.MAX_VALUE))
                .checkAssert((steps, pageSize, keySeed) -> {
                    TestDatabases.empty(dataSource);
                    var run = new Run(new InMemoryCertificateRepository(), new JdbcCertificateRepository(dataSource));
                    run.createRegistry();
                    steps.forEach(run::step);
                    run.compareEverything(pageSize, keySeed);
                });
    }

    /** One sequence applied to both repositories. */
    private static final class Run {
        private final InMemoryCertificateRepository reference;
        private final JdbcCertificateRepository jdbc;
        private final List<CertificateChange> committed = new ArrayList<>();
        private long millis = TickingClock.START.toEpochMilli();

        Run(InMemoryCertificateRepository reference, JdbcCertificateRepository jdbc) {
            this.reference = reference;
            this.jdbc = jdbc;
        }

        void step(int n) {
            int op = n % 12;
            int index = (n / 12) % TestCertificates.COUNT;
            AccountId account = Accounts.ALL.get((n / 72) % 3);
            millis += (n / 216) % 2;
            int choice = (n / 432) % 12;
            var stored = reference.find(TestCertificates.id(index));
            Certificate current = stored.certificate().getOrNull();
            if (op == 11) {
                registryWrite(current == null ? account : current.owner(), choice);
                return;
            }
            CertificateEvent event = op == 7
                    ? null
                    : op >= 8
                            ? attachment(op, choice, stored.nextVersion(), current)
                            : event(op, index, account, choice, stored.nextVersion(), current);
            CertificateChange change;
            if (event != null) {
                change = CertificateChange.of(Option.of(current), event);
            } else if (!committed.isEmpty()) {
                change = committed.get(n % committed.size());
            } else {
                return;
            }
            var outcome = reference.commit(change);
            assertThat(jdbc.commit(change)).as("outcome of %s", change.event()).isEqualTo(outcome);
            committed.add(change);
        }

        /** Every account has both policies and both things to begin with. */
        void createRegistry() {
            for (var account : Accounts.ALL) {
                for (int choice = 0; choice < 4; choice++) {
                    registryWrite(account, choice);
                }
            }
        }

        /**
         * Deletes one of two policies or things of the account (the certificate's owner, when there is one), or
         * creates it if it is gone, in both; the same outcome.
         */
        private void registryWrite(AccountId account, int choice) {
            var at = Instant.ofEpochMilli(millis);
            int which = (choice / 2) % 2;
            CommitOutcome expected;
            CommitOutcome actual;
            if (choice % 2 == 0) {
                var policy = new IotPolicy(POLICIES[which], account, new PolicyDocument("{\"n\": " + choice + "}"), at);
                var found = reference.findPolicy(account, policy.name());
                expected = found.isDefined() ? reference.deletePolicy(found.get()) : reference.createPolicy(policy);
                actual = found.isDefined() ? jdbc.deletePolicy(found.get()) : jdbc.createPolicy(policy);
            } else {
                var thing = new Thing(THINGS[which], account, new UUID(millis, choice), ThingAttributes.NONE, 1, at);
                var found = reference.findThing(account, thing.name());
                expected = found.isDefined() ? reference.deleteThing(found.get()) : reference.createThing(thing);
                actual = found.isDefined() ? jdbc.deleteThing(found.get()) : jdbc.createThing(thing);
            }
            assertThat(actual).as("registry write %s of %s", choice, account).isEqualTo(expected);
        }

        /** Attaches (op 8, 10 even) or detaches (op 9, 10 odd) a policy (8, 9) or thing (10) of the owner. */
        private CertificateEvent attachment(int op, int choice, long version, Certificate c) {
            if (c == null || c.status() == CertificateStatus.PENDING_TRANSFER) {
                return null;
            }
            var at = Instant.ofEpochMilli(millis);
            var by = Accounts.principal(c.owner());
            var policy = POLICIES[(choice / 2) % 2];
            var thing = THINGS[(choice / 2) % 2];
            boolean hasPolicy = c.attachments().policies().contains(policy);
            boolean hasThing = c.attachments().things().contains(thing);
            if (op == 8) {
                return hasPolicy ? null : new PolicyAttached(c.id(), by, policy, c.status(), at, version);
            }
            if (op == 9) {
                return hasPolicy ? new PolicyDetached(c.id(), by, policy, c.status(), at, version) : null;
            }
            return hasThing
                    ? new ThingDetached(c.id(), by, thing, c.status(), at, version)
                    : new ThingAttached(c.id(), by, thing, c.status(), at, version);
        }

        private CertificateEvent event(int op, int index, AccountId account, int choice, long version, Certificate c) {
            var at = Instant.ofEpochMilli(millis);
            if (c == null) {
                var parsed = TestCertificates.parsed(index);
                return op != 0
                        ? null
                        : new CertificateRegistered(
                                parsed.id(),
                                Accounts.principal(account),
                                parsed.pem(),
                                parsed.validity(),
                                CertificateMode.SNI_ONLY,
                                STATUSES[choice % 2],
                                at,
                                version);
            }
            var pending = c.pendingTransfer().getOrNull();
            if (pending != null) {
                return switch (op) {
                    case 2 ->
                        new TransferAccepted(
                                c.id(),
                                Accounts.principal(pending.target()),
                                c.owner(),
                                STATUSES[choice % 2],
                                at,
                                version);
                    case 3 ->
                        new TransferRejected(
                                c.id(),
                                Accounts.principal(pending.target()),
                                c.owner(),
                                Option.of(reason(choice)),
                                at,
                                version);
                    case 4 ->
                        new TransferCancelled(c.id(), Accounts.principal(c.owner()), pending.target(), at, version);
                    default -> null;
                };
            }
            var target =
                    account.equals(c.owner()) ? Accounts.ALL.get((Accounts.ALL.indexOf(account) + 1) % 3) : account;
            var status = STATUSES[choice % 3];
            return switch (op) {
                case 1 ->
                    c.status() == CertificateStatus.ACTIVE || !c.attachments().isEmpty()
                            ? null
                            : new TransferRequested(
                                    c.id(),
                                    Accounts.principal(c.owner()),
                                    target,
                                    Option.of(
                                            choice < MESSAGES.length
                                                    ? null
                                                    : new TransferMessage(MESSAGES[choice % MESSAGES.length])),
                                    c.status(),
                                    at,
                                    version);
                case 5 ->
                    status == c.status()
                            ? null
                            : new CertificateStatusChanged(
                                    c.id(), Accounts.principal(c.owner()), c.status(), status, at, version);
                case 6 ->
                    c.status() == CertificateStatus.ACTIVE
                            ? null
                            : new CertificateDeleted(c.id(), Accounts.principal(c.owner()), c.status(), at, version);
                default -> null;
            };
        }

        private static RejectReason reason(int choice) {
            return choice < MESSAGES.length ? null : new RejectReason(MESSAGES[(choice + 1) % MESSAGES.length]);
        }

        void compareEverything(int pageSize, int keySeed) {
            for (int i = 0; i < TestCertificates.COUNT; i++) {
                assertThat(jdbc.find(TestCertificates.id(i))).isEqualTo(reference.find(TestCertificates.id(i)));
            }
            for (var account : Accounts.ALL) {
                for (var order : SortOrder.values()) {
                    comparePages(account, order, pageSize, CertificateRepository::listVisibleTo);
                    comparePages(account, order, pageSize, CertificateRepository::listOutgoing);
                    var from = new ListingQuery(Option.some(key(keySeed)), order, pageSize);
                    assertThat(jdbc.listVisibleTo(account, from)).isEqualTo(reference.listVisibleTo(account, from));
                    assertThat(jdbc.listOutgoing(account, from)).isEqualTo(reference.listOutgoing(account, from));
                }
                for (int which = 0; which < 2; which++) {
                    assertThat(jdbc.findPolicy(account, POLICIES[which]))
                            .isEqualTo(reference.findPolicy(account, POLICIES[which]));
                    assertThat(jdbc.findThing(account, THINGS[which]))
                            .isEqualTo(reference.findThing(account, THINGS[which]));
                    assertThat(jdbc.listPolicyTargets(account, POLICIES[which], Option.none(), 10))
                            .isEqualTo(reference.listPolicyTargets(account, POLICIES[which], Option.none(), 10));
                    assertThat(jdbc.listThingPrincipals(account, THINGS[which], Option.none(), 10))
                            .isEqualTo(reference.listThingPrincipals(account, THINGS[which], Option.none(), 10));
                }
            }
        }

        /** Any key near the certificates' dates: on a millisecond or between two, with a stored id or another. */
        private ListingKey key(int seed) {
            long offset = seed % 50 - 5L;
            long nanos = (seed / 50) % 3 == 0 ? 500_000 : 0;
            var date = TickingClock.START.plusMillis(offset).plusNanos(nanos);
            int which = (seed / 150) % (TestCertificates.COUNT + 2);
            var id = which < TestCertificates.COUNT
                    ? TestCertificates.id(which)
                    : new CertificateId((which == TestCertificates.COUNT ? "0" : "f").repeat(64));
            return new ListingKey(date, id);
        }

        private void comparePages(AccountId account, SortOrder order, int pageSize, Lister lister) {
            var query = new ListingQuery(Option.none(), order, pageSize);
            while (true) {
                Seq<Certificate> expected = lister.list(reference, account, query);
                assertThat(lister.list(jdbc, account, query))
                        .as("%s %s page after %s", account, order, query.after())
                        .isEqualTo(expected);
                if (expected.size() < pageSize) {
                    return;
                }
                query = new ListingQuery(Option.some(ListingKey.of(expected.last())), order, pageSize);
            }
        }
    }

    /** One of the two listings of a repository. */
    @FunctionalInterface
    private interface Lister {
        Seq<Certificate> list(CertificateRepository repository, AccountId account, ListingQuery query);
    }
}
