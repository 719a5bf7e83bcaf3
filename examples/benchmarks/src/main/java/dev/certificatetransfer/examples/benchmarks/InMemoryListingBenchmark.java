package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.examples.DemoCertificates;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.CertificateChange;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One page of 25 from an account holding 10,000 or 1,000,000 certificates, through the whole service: the first
 * page of ListCertificates, a page from the middle (after a marker), and ListOutgoingCertificates when only 10 of
 * the account's certificates are pending transfer. Keyset paging makes the cost independent of the account's size.
 * The certificates are committed straight to the repository (one real PEM, synthetic ids) to keep setup short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms4g", "-Xmx4g"})
public class InMemoryListingBenchmark {

    private static final int PENDING = 10;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Param({"10000", "1000000"})
    public int certificates;

    private final Principal alice = Principal.root(new AccountId("111111111111"));
    private final AccountId bob = new AccountId("222222222222");
    private CertificateTransferService service;
    private PageRequest firstPage;
    private PageRequest middlePage;

    @Setup(Level.Trial)
    public void fillOneAccount() {
        var repository = new InMemoryCertificateRepository();
        service = CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.systemUTC())
                .build();
        var template = DemoCertificates.parsed(1);
        Certificate middle = null;
        for (int i = 0; i < certificates; i++) {
            var at = START.plusMillis(i);
            var registered = CertificateChange.of(
                    Option.none(),
                    new CertificateRegistered(
                            syntheticId(i),
                            alice,
                            template.pem(),
                            template.validity(),
                            CertificateMode.SNI_ONLY,
                            CertificateStatus.INACTIVE,
                            at,
                            1));
            repository.commit(registered);
            var certificate = registered.after().get();
            if (i % (certificates / PENDING) == 0) {
                repository.commit(CertificateChange.of(
                        Option.some(certificate),
                        new TransferRequested(
                                certificate.id(), alice, bob, Option.none(), CertificateStatus.INACTIVE, at, 2)));
            }
            if (i == certificates / 2) {
                middle = certificate;
            }
        }
        firstPage = PageRequest.FIRST;
        middlePage = new PageRequest(
                PageSize.DEFAULT,
                Option.some(PageMarker.after(middle.creationDate(), middle.id())),
                SortOrder.DESCENDING);
    }

    private static CertificateId syntheticId(int i) {
        return CertificateId.ofDer(ByteBuffer.allocate(4).putInt(i).array());
    }

    /** ListCertificates: the first page of 25, newest first. */
    @Benchmark
    public Page<Certificate> listFirstPage() {
        return service.listCertificates(alice, firstPage).get();
    }

    /** ListCertificates: a page of 25 from the middle of the account, after a marker. */
    @Benchmark
    public Page<Certificate> listMiddlePage() {
        return service.listCertificates(alice, middlePage).get();
    }

    /** ListOutgoingCertificates: the 10 pending among all the account's certificates. */
    @Benchmark
    public Page<Certificate> listOutgoing() {
        return service.listOutgoingCertificates(alice, firstPage).get();
    }
}
