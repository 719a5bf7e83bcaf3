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
 * The bare baseline of {@link H2TransferBenchmark} ({@link BaselineCycles}) on the same H2 file with
 * {@code WRITE_DELAY=0} (every acknowledged commit in the file) and the same pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class H2BaselineBenchmark extends BaselineCycles {

    /** 0 (durable on a kill) by default, as in {@link H2TransferBenchmark}. */
    @Param({"0"})
    public int writeDelay;

    @Setup(Level.Trial)
    public void openH2File() {
        open(JdbcBenchmarkDatabases.h2File(writeDelay), false);
    }

    @TearDown(Level.Trial)
    public void closeH2File() throws IOException {
        close();
    }
}
