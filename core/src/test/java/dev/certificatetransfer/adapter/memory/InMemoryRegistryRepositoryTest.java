package dev.certificatetransfer.adapter.memory;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.RegistryRepositoryContract;
import io.vavr.collection.Seq;

/** The registry contract, run against the in-memory adapter. */
class InMemoryRegistryRepositoryTest extends RegistryRepositoryContract<InMemoryCertificateRepository> {

    private RecordingEventPublisher publisher;

    @Override
    protected InMemoryCertificateRepository newRepository() {
        publisher = new RecordingEventPublisher();
        return new InMemoryCertificateRepository(publisher);
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return publisher.events();
    }
}
