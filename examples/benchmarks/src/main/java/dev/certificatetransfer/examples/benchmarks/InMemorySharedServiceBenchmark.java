package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.examples.DemoCertificates;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transfer+cancel cycle with two threads sharing one service and one in-memory repository, each on its own
 * certificate: shows that commits on different certificates do not wait for each other. Runs with up to
 * {@link DemoCertificates#COUNT} threads ({@code -t}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class InMemorySharedServiceBenchmark {

    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));
    private static final AccountId BOB = new AccountId("222222222222");

    /** The one service all benchmark threads share. */
    @State(Scope.Benchmark)
    public static class SharedService {
        final CertificateTransferService service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        final AtomicInteger nextCertificate = new AtomicInteger(1);
    }

    /** The certificate that one benchmark thread transfers and cancels. */
    @State(Scope.Thread)
    public static class OwnCertificate {
        CertificateId id;

        @Setup
        public void register(SharedService shared) {
            int number = shared.nextCertificate.getAndIncrement();
            if (number > DemoCertificates.COUNT) {
                throw new IllegalStateException(
                        "at most " + DemoCertificates.COUNT + " threads: one demo certificate each");
            }
            id = shared.service
                    .registerCertificateWithoutCa(ALICE, DemoCertificates.parsed(number), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
        }
    }

    /** TransferCertificate then CancelCertificateTransfer, on this thread's certificate of the shared service. */
    @Benchmark
    public Certificate transferThenCancelCycle(SharedService shared, OwnCertificate own) {
        shared.service.transferCertificate(ALICE, own.id, BOB, Option.none()).get();
        return shared.service.cancelCertificateTransfer(ALICE, own.id).get();
    }
}
