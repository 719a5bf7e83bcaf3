package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.http.auth.Authenticator;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.spi.StoredCertificate;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The real service on the in-memory repository (a registry of things and policies too), with recorded events,
 * attachments of the host a test can set, a {@link TestIssuer} for the calls that issue certificates, and thing ids
 * in a fixed sequence ({@code 00000000-0000-0000-0000-000000000001}, then 2, ...).
 */
final class HttpFixture {

    final RecordingEventPublisher events = new RecordingEventPublisher();
    final InMemoryCertificateRepository repository = new InMemoryCertificateRepository(events);
    final Map<CertificateId, Attachments> attachments = new ConcurrentHashMap<>();
    final CertificateTransferService service;
    private final AtomicLong thingIds = new AtomicLong();

    HttpFixture(Clock clock) {
        this(clock, AccountQuota.unlimited());
    }

    /** A service whose accounts have the quota (docs/behaviour.md#15-account-quotas). */
    HttpFixture(Clock clock, AccountQuota quota) {
        service = CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .accountQuota(quota)
                .attachments(id -> attachments.getOrDefault(id, Attachments.NONE))
                .issuer(new TestIssuer())
                .thingIds(() -> new UUID(0, thingIds.incrementAndGet()))
                .build();
    }

    CertificateTransferHttpApi api(Dialect dialect, Authenticator authenticator) {
        return api(service, dialect, authenticator);
    }

    static CertificateTransferHttpApi api(
            CertificateTransferUseCases service, Dialect dialect, Authenticator authenticator) {
        return CertificateTransferHttpApi.builder()
                .service(service)
                .dialect(dialect)
                .authenticator(authenticator)
                .build();
    }

    /** What storage holds for every test certificate id, to compare before and after a request. */
    List<StoredCertificate> snapshot() {
        return IntStream.range(0, TestCertificates.COUNT)
                .mapToObj(i -> repository.find(TestCertificates.id(i)))
                .toList();
    }
}
