package dev.certificatetransfer.domain;

import io.vavr.control.Option;
import java.util.Objects;

/**
 * A decided change, ready to commit: the state it was decided on, the event, and the state after it.
 * Storage commits it only if the stored certificate is still {@link #before()} (compare-and-set on the version).
 */
public record CertificateChange(Option<Certificate> before, CertificateEvent event, Option<Certificate> after) {

    public CertificateChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(after, "after");
    }

    /** The change that applying the event to the state makes. */
    public static CertificateChange of(Option<Certificate> before, CertificateEvent event) {
        return new CertificateChange(before, event, CertificateEvolution.evolve(before, event));
    }

    public CertificateId certificateId() {
        return event.certificateId();
    }

    /** The version storage must still hold for the change to commit; 0 when the certificate must not exist yet. */
    public long expectedVersion() {
        return before.map(Certificate::version).getOrElse(0L);
    }
}
