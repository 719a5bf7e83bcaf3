package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.EventPublisher;
import io.vavr.collection.List;

import java.util.concurrent.ConcurrentLinkedQueue;

/** An {@link EventPublisher} that keeps every event it is given, in order, for assertions. */
public final class RecordingEventPublisher implements EventPublisher {

    private final ConcurrentLinkedQueue<CertificateEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void publish(CertificateEvent event) {
        events.add(event);
    }

    public List<CertificateEvent> events() {
        return List.ofAll(events);
    }
}
