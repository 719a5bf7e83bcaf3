package dev.certificatetransfer.examples.adapter;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A custom outbound adapter: forwards every committed event to an slf4j log line (logger
 * {@code certificate-transfer.events}, level INFO). Put a message broker's client here instead to feed other systems;
 * with the JDBC outbox an event may arrive twice, and {@link CertificateEvent#version()} tells the copies apart.
 */
public final class Slf4jEventPublisher implements EventPublisher {

    private static final Logger EVENTS = LoggerFactory.getLogger("certificate-transfer.events");

    @Override
    public void publish(CertificateEvent event) {
        EVENTS.info(
                "{} {} v{} by {}: {} -> {}",
                event.type(),
                event.certificateId().value(),
                event.version(),
                event.actor(),
                event.statusBefore().map(Enum::name).getOrElse("-"),
                event.statusAfter().map(Enum::name).getOrElse("-"));
    }
}
