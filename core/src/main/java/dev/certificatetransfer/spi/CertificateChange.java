package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.rules.CertificateEvolution;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * A decided change, ready to commit: the state it was decided on, the event, and the state after it. Storage
 * commits it only if the id's stored version is still {@link #expectedVersion()} (compare-and-set), and then
 * stores {@link #after()} at the event's version.
 */
public record CertificateChange(Option<Certificate> before, CertificateEvent event, Option<Certificate> after) {

    public CertificateChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(after, "after");
        if (before.isDefined() && before.get().version() != event.version() - 1) {
            throw new IllegalArgumentException("the event's version follows the version it was decided on");
        }
        if (after.isDefined() && after.get().version() != event.version()) {
            throw new IllegalArgumentException("the certificate after the change has the event's version");
        }
    }

    /** The change that applying the event to the state makes. */
    public static CertificateChange of(Option<Certificate> before, CertificateEvent event) {
        return new CertificateChange(before, event, CertificateEvolution.evolve(before, event));
    }

    /**
     * The state that a certificate's events, oldest first, rebuild: what a repository stores after committing them
     * (none after a deletion). Lets an adapter or an outbox consumer check its rows against its events.
     */
    public static Option<Certificate> replay(Seq<? extends CertificateEvent> events) {
        return CertificateEvolution.replay(events);
    }

    /** The id of the certificate the change is about. */
    public CertificateId certificateId() {
        return event.certificateId();
    }

    /**
     * The version storage must still hold for the id: the one the change was decided on. For a registration it is
     * 0 if the id was never stored, or the version of the deletion that removed its previous certificate.
     */
    public long expectedVersion() {
        return event.version() - 1;
    }

    /** The version the id has once the change is committed: the event's; a deletion leaves it as a tombstone. */
    public long newVersion() {
        return event.version();
    }
}
