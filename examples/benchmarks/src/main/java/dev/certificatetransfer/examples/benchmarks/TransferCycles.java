package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The benchmarks of a JDBC transfer benchmark: each thread transfers its own certificate to Bob and cancels the
 * transfer (one full cycle: two reads and two commits), at 1, 2, 4 and 8 threads, and one cycle's latency (p50, p99)
 * at 1 and 8 threads. The pool has a connection for every thread ({@link JdbcBenchmarkDatabases#POOL_SIZE}).
 * {@link BaselineCycles} is the same database's bare cycle.
 */
public abstract class TransferCycles {

    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));
    private static final AccountId BOB = new AccountId("222222222222");

    private static final int MAX_THREADS = JdbcBenchmarkDatabases.POOL_SIZE;

    private JdbcBenchmarkDatabases database;
    private CertificateTransferService service;
    private CertificateId[] ids;

    /**
     * Uses the database, and gives Alice one certificate per thread: synthetic rows, as a registration writes them
     * (there are fewer demo certificates than threads).
     */
    void open(JdbcBenchmarkDatabases opened) {
        database = opened;
        service = opened.service();
        opened.insertSynthetic(ALICE.account().value(), MAX_THREADS);
        ids = new CertificateId[MAX_THREADS];
        for (int i = 0; i < MAX_THREADS; i++) {
            ids[i] = JdbcBenchmarkDatabases.syntheticId(i + 1);
        }
    }

    void close() throws IOException {
        database.close();
    }

    /** Which of the certificates is the thread's own: the one of its index. */
    @State(Scope.Thread)
    public static class OwnCertificate {
        int index;

        @Setup(Level.Trial)
        public void pick(ThreadParams thread) {
            index = thread.getThreadIndex();
        }
    }

    /** TransferCertificate to Bob, then CancelCertificateTransfer by Alice, by one thread. */
    @Benchmark
    @Threads(1)
    public Certificate transferThenCancelCycle1Thread(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    /** The same cycle by two threads, each on its own certificate: their commits can share a disk flush. */
    @Benchmark
    @Threads(2)
    public Certificate transferThenCancelCycle2Threads(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    /** The same cycle by four threads: more commits waiting for the same WAL flush. */
    @Benchmark
    @Threads(4)
    public Certificate transferThenCancelCycle4Threads(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    /** The same cycle by eight threads. */
    @Benchmark
    @Threads(8)
    public Certificate transferThenCancelCycle8Threads(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    /** One cycle's latency at one thread: JMH's SampleTime gives its percentiles (p50, p99). */
    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Certificate cycleLatency1Thread(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    /** One cycle's latency while eight threads cycle. */
    @Benchmark
    @Threads(8)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Certificate cycleLatency8Threads(OwnCertificate own) {
        return cycle(ids[own.index]);
    }

    private Certificate cycle(CertificateId id) {
        service.transferCertificate(ALICE, id, BOB, Option.none()).get();
        return service.cancelCertificateTransfer(ALICE, id).get();
    }
}
