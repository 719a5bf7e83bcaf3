package dev.certificatetransfer.port;

import dev.certificatetransfer.domain.CertificateEvent;

/**
 * Receives each committed domain event. Repositories call it after the commit (the in-memory adapter at once,
 * on the committing thread; the JDBC adapter from its outbox), never for a change that did not commit.
 * An implementation should not throw: the change is already committed, so an exception only reaches the caller.
 */
public interface EventPublisher {

    void publish(CertificateEvent event);

    /** Drops every event. */
    static EventPublisher none() {
        return event -> { };
    }
}
