package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.CertificateEvent;

/**
 * Receives each committed domain event. Repositories call it after the commit, never for a change that did not
 * commit: the in-memory adapter on a committing thread, one call at a time, in commit order (a commit that finds
 * another thread delivering leaves its event to that thread); the JDBC adapter from its outbox, at least once. A
 * publisher that throws never fails the call that made the change: the change is committed already, so the
 * repository logs the failure (the JDBC outbox also retries). Consumers order a certificate's events by
 * {@link CertificateEvent#version()} and drop one they have seen. See docs/behaviour.md, section 9.
 */
public interface EventPublisher {

    /**
     * Hands over one committed event; may be called from several threads, so implementations are thread-safe.
     *
     * @param event the event, never null
     */
    void publish(CertificateEvent event);

    /**
     * Drops every event.
     *
     * @return a publisher that does nothing
     */
    static EventPublisher none() {
        return event -> {};
    }
}
