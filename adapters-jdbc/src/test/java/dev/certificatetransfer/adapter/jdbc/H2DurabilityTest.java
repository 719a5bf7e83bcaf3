package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.jdbc.RaceWorker.Ack;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A JVM writing to an H2 file database is killed without warning ({@code destroyForcibly}, no clean close); every
 * answer it acknowledged before it died is in the file when it is opened again, its event included, and the rows
 * still replay their events. It holds on H2 for one connection, as the README's "H2 durability" says.
 */
class H2DurabilityTest {

    /** The H2 URL the README gives for durable commits. */
    static String durableUrl(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0";
    }

    private static final int ACKS_BEFORE_KILL = 300;

    @Test
    void every_acknowledged_operation_survives_a_hard_kill_of_the_jvm_that_held_the_file() throws Exception {
        Path file =
                Path.of("target", "h2", "durability-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        var child = ChildJvm.start(DurabilityWorker.class, durableUrl(file));
        var lines = new ArrayList<String>();
        for (String line = child.readLine(); line != null && lines.size() < ACKS_BEFORE_KILL; line = child.readLine()) {
            lines.add(line);
        }
        child.process().destroyForcibly();
        assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(lines)
                .as("acknowledged before the kill (see %s)", child.errors())
                .hasSize(ACKS_BEFORE_KILL);

        var acks = List.ofAll(lines).map(Ack::parse);
        try (var reopened = TestDatabases.pool(durableUrl(file), 2)) {
            var events = OutboxAudit.assertRowsReplayTheirEvents(reopened, List.ofAll(RaceWorker.CERTIFICATES));
            OutboxAudit.assertEveryAckExplained(events, acks);
            for (var id : RaceWorker.CERTIFICATES) {
                long lastAcknowledged = acks.filter(ack -> ack.id().equals(id))
                        .map(Ack::version)
                        .max()
                        .get();
                assertThat(events.get(id).get().last().version())
                        .as("version of %s", id)
                        .isGreaterThanOrEqualTo(lastAcknowledged);
            }
            System.out.printf(
                    "H2 after a hard kill: %d acknowledged, %d events in the file%n",
                    acks.size(), events.values().map(e -> e.size()).sum().intValue());
        }
    }
}
