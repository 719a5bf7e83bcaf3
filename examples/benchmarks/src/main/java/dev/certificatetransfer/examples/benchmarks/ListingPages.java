package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.PageMarker;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import io.vavr.control.Option;
import org.openjdk.jmh.annotations.Benchmark;

import java.io.IOException;

/**
 * The benchmarks of a JDBC listing benchmark: one page of 25 from an account holding 10,000 or 1,000,000
 * certificates, through the whole service: ListCertificates from the middle of the account (after a marker), and
 * ListOutgoingCertificates when 100 of them are pending transfer. Keyset queries make both cost the same at either
 * size.
 */
public abstract class ListingPages {

    private static final int PENDING = 100;
    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));
    private static final AccountId BOB = new AccountId("222222222222");

    private JdbcBenchmarkDatabases database;
    private CertificateTransferService service;
    private PageRequest middlePage;

    /** Fills Alice's account in the database: one set-based INSERT, then 100 transfers through the service. */
    void open(JdbcBenchmarkDatabases opened, int certificates) {
        database = opened;
        service = opened.service();
        database.insertSynthetic(ALICE.account().value(), certificates);
        for (int i = 0; i < PENDING; i++) {
            var id = JdbcBenchmarkDatabases.syntheticId(1 + (long) i * (certificates / PENDING));
            service.transferCertificate(ALICE, id, BOB, Option.none()).get();
        }
        var middle = service.describeCertificate(ALICE, JdbcBenchmarkDatabases.syntheticId(certificates / 2 + 1))
                .get();
        middlePage = new PageRequest(
                PageSize.DEFAULT,
                Option.some(PageMarker.after(middle.creationDate(), middle.id())),
                SortOrder.DESCENDING);
    }

    void close() throws IOException {
        database.close();
    }

    /** ListCertificates: a page of 25 from the middle of the account, after a marker. */
    @Benchmark
    public Page<Certificate> listCertificatesPage() {
        return service.listCertificates(ALICE, middlePage).get();
    }

    /** ListOutgoingCertificates: the first page of 25 of the 100 pending. */
    @Benchmark
    public Page<Certificate> listOutgoingCertificatesPage() {
        return service.listOutgoingCertificates(ALICE, PageRequest.FIRST).get();
    }
}
