package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.jdbc.RaceWorker.Ack;
import dev.certificatetransfer.adapter.jdbc.RaceWorker.Outcome;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two JVMs, each with its own pool and service, race threads of transfer, accept, reject, cancel and update calls
 * on the same four certificates in one PostgreSQL; afterwards every certificate has one owner, the outbox explains
 * every acknowledged answer with exactly one event and holds no event nobody was told of, versions run 1..n, and
 * replaying the events rebuilds every row, at read committed and at serializable isolation.
 *
 * <p>Only what must hold in every interleaving is asserted: how the calls interleave, how many succeed, whether the
 * two JVMs overlap at all and whether a serialization failure occurs depend on the machine's load. That a
 * serialization failure is retried is shown deterministically by {@link PostgresSerializationRetryTest}.
 */
class CrossProcessRaceTest {

    private static final int THREADS_PER_JVM = 4;
    private static final Duration RACE = Duration.ofSeconds(3);

    @Test
    void two_processes_racing_at_read_committed_leave_one_owner_and_an_outbox_that_explains_every_answer()
            throws Exception {
        var race = race("TRANSACTION_READ_COMMITTED");

        assertThat(race.failuresBySqlState())
                .as("failures, by SQLSTATE or exception class")
                .isEmpty();
    }

    @Test
    void two_processes_racing_at_serializable_leave_one_owner_and_an_outbox_that_explains_every_answer()
            throws Exception {
        var race = race("TRANSACTION_SERIALIZABLE");

        assertThat(race.failuresBySqlState().remove("40001"))
                .as("failures but exhausted retries, by SQLSTATE or exception class")
                .isEmpty();
    }

    /**
     * Both sides' outcomes, after checking the database explains them; {@code failures} are SQLSTATEs, or the class
     * names of unexpected exceptions.
     */
    private record Race(Seq<Ack> acks, int throttled, Seq<String> failures, long serializationFailures) {

        Map<String, Integer> failuresBySqlState() {
            return failures.groupBy(state -> state).mapValues(Seq::size);
        }
    }

    private Race race(String isolation) throws Exception {
        var setup = TestDatabases.postgres();
        TestDatabases.empty(setup);
        var registrations = List.ofAll(RaceWorker.registerAll(setup));
        var child = startChild(isolation);
        Outcome ours;
        try (var pool = TestDatabases.pool(TestDatabases.postgresUrl(), THREADS_PER_JVM, isolation)) {
            ours = RaceWorker.race(pool, new SerializationFailures(), THREADS_PER_JVM, RACE);
        }
        var theirs = finish(child);
        var race = new Race(
                registrations.appendAll(ours.acks()).appendAll(theirs.acks()),
                ours.throttled() + theirs.throttled(),
                List.ofAll(ours.failures()).appendAll(theirs.failures()),
                ours.serializationFailures() + theirs.serializationFailures());
        System.out.printf(
                "Race at %s: %d calls (%d here, %d in the other JVM), %d acknowledged (%d here, %d in the"
                        + " other JVM), %d THROTTLED, %d serialization failures seen, failures %s%n",
                isolation,
                ours.calls() + theirs.calls(),
                ours.calls(),
                theirs.calls(),
                race.acks().size() - registrations.size(),
                ours.acks().size(),
                theirs.acks().size(),
                race.throttled(),
                race.serializationFailures(),
                race.failuresBySqlState());
        var events = OutboxAudit.assertRowsReplayTheirEvents(setup, List.ofAll(RaceWorker.CERTIFICATES));
        OutboxAudit.assertEveryAckExplained(events, race.acks());
        OutboxAudit.assertEveryEventAcknowledged(events, race.acks());
        assertThat(ours.calls()).as("calls made in this JVM").isGreaterThanOrEqualTo(THREADS_PER_JVM);
        assertThat(theirs.calls()).as("calls made in the other JVM").isGreaterThanOrEqualTo(THREADS_PER_JVM);
        return race;
    }

    private static ChildJvm startChild(String isolation) throws IOException {
        var child = ChildJvm.start(
                RaceWorker.class,
                TestDatabases.postgresUrl(),
                isolation,
                String.valueOf(THREADS_PER_JVM),
                String.valueOf(RACE.toMillis()));
        String first = child.readLine();
        if (!"READY".equals(first)) {
            child.process().destroyForcibly();
            throw new IllegalStateException("the other JVM did not start (" + first + "); see " + child.errors());
        }
        return child;
    }

    private static Outcome finish(ChildJvm child) throws IOException, InterruptedException {
        var lines = child.remainingLines();
        if (!child.process().waitFor(30, TimeUnit.SECONDS)) {
            child.process().destroyForcibly();
        }
        assertThat(child.process().exitValue())
                .as("exit code of the other JVM (see %s)", child.errors())
                .isZero();
        return Outcome.parse(lines);
    }
}
