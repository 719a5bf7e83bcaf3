package dev.certificatetransfer.examples.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The transfer-then-cancel cycle through the whole service on an embedded PostgreSQL with durable commits
 * ({@code fsync} and {@code synchronous_commit} on): two commits per cycle, each waiting for its WAL flush, so one
 * thread is bounded by the disk's synchronous writes and more threads share flushes (group commit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresTransferBenchmark extends TransferCycles {

    /** PostgreSQL's {@code commit_delay} in microseconds: 0 (its default) unless {@code -p commitDelay=...}. */
    @Param({"0"})
    public int commitDelay;

    /** PostgreSQL's {@code commit_siblings}: 5 (its default) unless {@code -p commitSiblings=...}. */
    @Param({"5"})
    public int commitSiblings;

    @Setup(Level.Trial)
    public void startPostgres() {
        open(JdbcBenchmarkDatabases.postgres(commitDelay, commitSiblings));
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        close();
    }
}
