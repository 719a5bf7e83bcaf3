package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.TransferRule;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingRegistryRepository;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service on the in-memory adapter (certificates and the registry of things and policies), with a ticking clock,
 * recorded events and settable host attachments.
 */
class ServiceFixture {

    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    final Clock clock;
    final Map<CertificateId, Attachments> attachments = new ConcurrentHashMap<>();
    /** How many times the service asked the attachment query, of any certificate. */
    final AtomicInteger attachmentQueries = new AtomicInteger();
    /** How many times the service asked the repository what an account owns. */
    final AtomicInteger usageQueries = new AtomicInteger();

    final CertificateTransferService service;

    static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    static final Principal BOB = Accounts.principal(Accounts.BOB);
    static final Principal CAROL = Accounts.principal(Accounts.CAROL);

    ServiceFixture() {
        this(new AllowAuthenticatedAuthorizer());
    }

    ServiceFixture(Authorizer authorizer) {
        this(authorizer, new TickingClock(), TransferExpiry.none(), TransferRule.allowAll());
    }

    /** A service with the given clock and the transfer rules of docs/behaviour.md, section 14. */
    ServiceFixture(Authorizer authorizer, Clock clock, TransferExpiry expiry, TransferRule transferRule) {
        this(authorizer, clock, expiry, transferRule, AccountQuota.unlimited());
    }

    /** A service whose accounts have the quota of docs/behaviour.md#15-account-quotas. */
    ServiceFixture(AccountQuota quota) {
        this(
                new AllowAuthenticatedAuthorizer(),
                new TickingClock(),
                TransferExpiry.none(),
                TransferRule.allowAll(),
                quota);
    }

    private ServiceFixture(
            Authorizer authorizer, Clock clock, TransferExpiry expiry, TransferRule transferRule, AccountQuota quota) {
        this.clock = clock;
        service = CertificateTransferService.builder()
                .repository(new ForwardingRegistryRepository(repository) {
                    @Override
                    public AccountUsage usage(AccountId owner) {
                        usageQueries.incrementAndGet();
                        return super.usage(owner);
                    }
                })
                .accountQuota(quota)
                .authorizer(authorizer)
                .clock(clock)
                .transferExpiry(expiry)
                .transferRule(transferRule)
                .attachments(id -> {
                    attachmentQueries.incrementAndGet();
                    return attachments.getOrDefault(id, Attachments.NONE);
                })
                .build();
    }

    CertificateId registered(int index, Principal owner, CertificateStatus status) {
        return service.registerCertificateWithoutCa(owner, TestCertificates.parsed(index), status)
                .get()
                .certificateId();
    }

    /** Parses the PEM as an adapter would, then registers it: CERTIFICATE_VALIDATION, or the service's answer. */
    Either<Refusal, Certificate> register(Principal caller, String pem, CertificateStatus status) {
        return CertificatePem.parse(pem)
                .flatMap(parsed -> service.registerCertificateWithoutCa(caller, parsed, status))
                .map(RegisterCertificateResult::certificate);
    }

    CertificateId registered(int index, Principal owner) {
        return registered(index, owner, CertificateStatus.INACTIVE);
    }

    /** Certificate {@code index}, owned by Alice, pending transfer to Bob with the message "for Bob". */
    CertificateId pendingFromAliceToBob(int index) {
        var id = registered(index, ALICE);
        service.transferCertificate(ALICE, id, Accounts.BOB, Option.some(new TransferMessage("for Bob")))
                .get();
        return id;
    }

    Certificate stored(CertificateId id) {
        return repository.find(id).certificate().get();
    }

    /** Asserts the refusal's code, and that nothing was stored or published by the refused call. */
    <T> Refusal refused(java.util.function.Supplier<Either<Refusal, T>> call, RefusalCode code) {
        var before = snapshot();
        var eventsBefore = events.events().size();
        var result = call.get();
        assertThat(result.isLeft()).as("expected %s but got %s", code, result).isTrue();
        assertThat(result.getLeft().code()).isEqualTo(code);
        assertThat(snapshot()).as("a refused call changes nothing").isEqualTo(before);
        assertThat(events.events().size())
                .as("a refused call publishes nothing")
                .isEqualTo(eventsBefore);
        return result.getLeft();
    }

    private java.util.List<Option<Certificate>> snapshot() {
        return java.util.stream.IntStream.range(0, TestCertificates.COUNT)
                .mapToObj(i -> repository.find(TestCertificates.id(i)))
                .map(s -> s.certificate())
                .toList();
    }
}
