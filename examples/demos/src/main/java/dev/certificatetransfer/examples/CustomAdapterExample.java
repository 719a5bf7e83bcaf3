package dev.certificatetransfer.examples;

import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.examples.adapter.Slf4jEventPublisher;
import dev.certificatetransfer.examples.adapter.TenantDirectoryAuthorizer;
import dev.certificatetransfer.examples.adapter.TenantDirectoryAuthorizer.Plan;
import io.vavr.control.Option;

import java.time.Clock;

/**
 * Extending the library with your own adapters: the host's tenant directory answers the {@code Authorizer} port
 * ({@link TenantDirectoryAuthorizer}) and every committed event goes to the log ({@link Slf4jEventPublisher}, lines
 * on standard error, each naming who acted, such as {@code tenant:acme/user:ops (account acme)}). Accounts are the
 * host's tenant ids. A read-only tenant may look but not transfer; the refusal comes before anything is read.
 */
public final class CustomAdapterExample {

    private CustomAdapterExample() {}

    public static void main(String[] args) {
        var acme = new Principal(new AccountId("acme"), "tenant:acme/user:ops");
        var globex = new Principal(new AccountId("globex"), "tenant:globex/user:ops");
        var auditor = new Principal(new AccountId("auditor"), "tenant:auditor/user:reader");
        var directory = new TenantDirectoryAuthorizer()
                .tenant(acme.account(), Plan.FULL)
                .tenant(globex.account(), Plan.FULL)
                .tenant(auditor.account(), Plan.READ_ONLY);

        var transfers = CertificateTransferService.builder()
                .repository(new InMemoryCertificateRepository(new Slf4jEventPublisher()))
                .authorizer(directory)
                .clock(Clock.systemUTC())
                .build();

        var id = transfers
                .registerCertificateWithoutCa(acme, DemoCertificates.parsed(2), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        System.out.println("Acme registered " + id.value());
        System.out.println("Acme transfers it to Globex: "
                + transfers
                        .transferCertificate(acme, id, globex.account(), Option.none())
                        .fold(
                                r -> "refused, " + r.code(),
                                t -> "ok, " + t.certificate().status()));
        System.out.println("The read-only auditor lists its certificates: "
                + transfers
                        .listCertificates(auditor, dev.certificatetransfer.port.in.PageRequest.FIRST)
                        .fold(
                                r -> "refused, " + r.code(),
                                page -> "ok, " + page.items().size() + " certificates"));
        System.out.println("The read-only auditor tries to register one: "
                + transfers
                        .registerCertificateWithoutCa(auditor, DemoCertificates.parsed(3), CertificateStatus.INACTIVE)
                        .fold(r -> "refused, " + r.code() + " (" + r.message() + ")", r -> "ok"));
        directory.tenant(globex.account(), Plan.READ_ONLY);
        System.out.println("Globex, now read-only, tries to accept: "
                + transfers
                        .acceptCertificateTransfer(globex, id, false)
                        .fold(r -> "refused, " + r.code(), c -> "ok, " + c.status()));
        System.out.println("Acme cancels: "
                + transfers
                        .cancelCertificateTransfer(acme, id)
                        .fold(r -> "refused, " + r.code(), c -> "ok, " + c.status()));
    }
}
