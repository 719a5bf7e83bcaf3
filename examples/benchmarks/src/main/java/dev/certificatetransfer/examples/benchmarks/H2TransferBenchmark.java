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
 * The transfer-then-cancel cycle through the whole service on H2 in a file, with {@code WRITE_DELAY=0} so every
 * acknowledged commit is in the file (the setting the README gives for durability).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class H2TransferBenchmark extends TransferCycles {

    /** 0 (durable on a kill) by default; {@code -p writeDelay=500} measures H2's own default for comparison. */
    @Param({"0"})
    public int writeDelay;

    @Setup(Level.Trial)
    public void openH2File() {
        open(JdbcBenchmarkDatabases.h2File(writeDelay));
    }

    @TearDown(Level.Trial)
    public void closeH2File() throws IOException {
        close();
    }
}
