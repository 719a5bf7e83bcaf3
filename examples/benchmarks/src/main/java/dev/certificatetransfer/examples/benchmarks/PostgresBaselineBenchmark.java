package dev.certificatetransfer.examples.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The bare baseline of {@link PostgresTransferBenchmark} ({@link BaselineCycles}) on the same embedded PostgreSQL
 * with durable commits ({@code fsync} and {@code synchronous_commit} on) and the same pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresBaselineBenchmark extends BaselineCycles {

    @Setup(Level.Trial)
    public void startPostgres() {
        open(JdbcBenchmarkDatabases.postgres(), true);
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        close();
    }
}
