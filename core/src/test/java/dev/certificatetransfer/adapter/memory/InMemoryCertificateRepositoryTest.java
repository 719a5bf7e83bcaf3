package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.CertificateRepositoryContract;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import io.vavr.collection.Seq;

/** The repository contract, run against the in-memory adapter. */
class InMemoryCertificateRepositoryTest extends CertificateRepositoryContract {

    private RecordingEventPublisher publisher;

    @Override
    protected CertificateRepository newRepository() {
        publisher = new RecordingEventPublisher();
        return new InMemoryCertificateRepository(publisher);
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return publisher.events();
    }
}
