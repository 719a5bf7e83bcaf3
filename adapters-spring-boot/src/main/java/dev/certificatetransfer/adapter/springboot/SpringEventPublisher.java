package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.EventPublisher;
import org.springframework.context.ApplicationEventPublisher;

import java.util.Objects;

/**
 * An {@link EventPublisher} that publishes each committed {@link CertificateEvent} as a Spring application event, so
 * a host listens with {@code @EventListener void on(CertificateEvent.TransferRequested event)}. The repository calls
 * it only after the change committed (docs/behaviour.md, section 9): with a {@code DataSource}, from the outbox
 * relay's thread, at least once; in memory, on the thread that committed. Listeners run on that thread; a listener
 * that throws leaves the event undelivered in the outbox (tried again) or, in memory, logged and dropped.
 * Thread-safe when Spring's publisher is (the application context is).
 */
public final class SpringEventPublisher implements EventPublisher {

    private final ApplicationEventPublisher publisher;

    /**
     * A publisher onto Spring's.
     *
     * @param publisher the application context, or any other Spring publisher
     * @throws NullPointerException if it is null
     */
    public SpringEventPublisher(ApplicationEventPublisher publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public void publish(CertificateEvent event) {
        publisher.publishEvent(event);
    }
}
