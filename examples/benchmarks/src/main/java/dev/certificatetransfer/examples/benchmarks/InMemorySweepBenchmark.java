package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.examples.DemoCertificates;
import dev.certificatetransfer.spi.CertificateChange;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * One expiry sweep through the whole service on the in-memory adapter: 10,000 due transfers among 1,000,000
 * certificates, each expired with its compare-and-set and its TransferExpired event. A sweep changes what it
 * measures, so each invocation is one sweep (single shot) and every iteration first opens the 10,000 transfers
 * again, each a day later than the last. The certificates are committed straight to the repository (one real PEM,
 * synthetic ids) to keep setup short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
public class InMemorySweepBenchmark {

    static final int CERTIFICATES = 1_000_000;
    static final int DUE = 10_000;
    static final Duration TTL = Duration.ofHours(1);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AccountId alice = new AccountId("111111111111");
    private final AccountId bob = new AccountId("222222222222");
    private InMemoryCertificateRepository repository;
    private CertificateTransferService service;
    private int iteration;

    @Setup(Level.Trial)
    public void registerAll() {
        repository = new InMemoryCertificateRepository();
        service = CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.fixed(START.plus(Duration.ofDays(3650)), ZoneOffset.UTC))
                .transferExpiry(TransferExpiry.after(TTL))
                .build();
        var template = DemoCertificates.parsed(1);
        for (int i = 0; i < CERTIFICATES; i++) {
            repository.commit(CertificateChange.of(
                    Option.none(),
                    new CertificateRegistered(
                            syntheticId(i),
                            Principal.root(alice),
                            template.pem(),
                            template.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            START.plusMillis(i),
                            1)));
        }
    }

    /** Opens a transfer to Bob of every hundredth certificate, a day after the previous iteration's. */
    @Setup(Level.Iteration)
    public void openDueTransfers() {
        iteration++;
        var at = START.plus(Duration.ofDays(iteration));
        for (int i = 0; i < CERTIFICATES; i += CERTIFICATES / DUE) {
            var current = repository.find(syntheticId(i)).certificate().get();
            repository.commit(CertificateChange.of(
                    Option.some(current),
                    new TransferRequested(
                            current.id(),
                            Principal.root(alice),
                            bob,
                            Option.none(),
                            current.status(),
                            at,
                            current.nextVersion())));
        }
    }

    static CertificateId syntheticId(int i) {
        return CertificateId.ofDer(ByteBuffer.allocate(4).putInt(i).array());
    }

    /** One sweep: expires the 10,000 due transfers (it returns 10,000). */
    @Benchmark
    public int sweep() {
        int expired = service.sweepExpiredTransfers();
        if (expired != DUE) {
            throw new IllegalStateException("expected " + DUE + " expiries, the sweep wrote " + expired);
        }
        return expired;
    }
}
