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
 * A page of 25 listed from an account of 10,000 or 1,000,000 certificates on an embedded PostgreSQL (durable settings).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresListingBenchmark extends ListingPages {

    @Param({"10000", "1000000"})
    public int certificates;

    @Setup(Level.Trial)
    public void startPostgres() {
        open(JdbcBenchmarkDatabases.postgres(), certificates);
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        close();
    }
}
