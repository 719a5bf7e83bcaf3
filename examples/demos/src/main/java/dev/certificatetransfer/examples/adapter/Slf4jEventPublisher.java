package dev.certificatetransfer.examples.adapter;

import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.port.out.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A custom outbound adapter: forwards every committed event to an slf4j log line (logger
 * {@code certificate-transfer.events}, level INFO). Put a message broker's client here instead to feed other systems;
 * with the JDBC outbox an event may arrive twice, and {@link CertificateEvent#version()} tells the copies apart. Each
 * line says who acted: the principal's name and account ({@code by tenant:acme/user:ops (account acme)}), or
 * {@code by system} for an expiry.
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
                describe(event.actor()),
                event.statusBefore().map(Enum::name).getOrElse("-"),
                event.statusAfter().map(Enum::name).getOrElse("-"));
    }

    /**
     * Who acted, for a log line: a principal's name (escaped, so it cannot forge a line) and account, or
     * {@code system}.
     *
     * @param actor the event's actor
     * @return for example {@code tenant:acme/user:ops (account acme)}
     */
    public static String describe(Actor actor) {
        return actor instanceof Principal principal
                ? principal.printableName() + " (account " + principal.account() + ")"
                : actor.toString();
    }
}
