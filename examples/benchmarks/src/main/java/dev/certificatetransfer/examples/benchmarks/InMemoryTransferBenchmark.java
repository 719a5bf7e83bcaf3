package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The in-memory path through the whole service (authorizer, decision, evolution, compare-and-set commit,
 * listing index): a transfer followed by its cancellation, a refused cancellation, and a describe.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InMemoryTransferBenchmark {

    private final Principal alice = Principal.root(new AccountId("111111111111"));
    private final AccountId bob = new AccountId("222222222222");
    private final Principal carol = Principal.root(new AccountId("333333333333"));
    private CertificateTransferService service;
    private CertificateId id;

    @Setup
    public void registerOneCertificate() {
        service = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository())
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        id = service.registerCertificateWithoutCa(alice, DemoCertificates.parsed(1), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
    }

    /** One full cycle: TransferCertificate to Bob, then CancelCertificateTransfer by Alice. */
    @Benchmark
    public Certificate transferThenCancelCycle() {
        service.transferCertificate(alice, id, bob, Option.none()).get();
        return service.cancelCertificateTransfer(alice, id).get();
    }

    /** The refusal path: a stranger's CancelCertificateTransfer, refused as NOT_FOUND (no exception thrown). */
    @Benchmark
    public Refusal cancelByStrangerIsRefused() {
        return service.cancelCertificateTransfer(carol, id).getLeft();
    }

    /** DescribeCertificate by the owner. */
    @Benchmark
    public Certificate describeCertificate() {
        return service.describeCertificate(alice, id).get();
    }
}
