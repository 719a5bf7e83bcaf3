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
 * stores {@link #after()} at the event's version (docs/behaviour.md, section 8).
 *
 * @param before the certificate the change was decided on; none for a registration
 * @param event the event the change records, one version after {@code before}
 * @param after the certificate once the change is made, at the event's version; none after a deletion
 */
public record CertificateChange(Option<Certificate> before, CertificateEvent event, Option<Certificate> after) {

    /**
     * A change whose versions fit together; {@link #of} computes {@code after} from the event.
     *
     * @param before the certificate the change was decided on, or none
     * @param event the event the change records
     * @param after the certificate once the change is made, or none
     * @throws NullPointerException if any is null
     * @throws IllegalArgumentException if the event's version does not follow {@code before}'s, or {@code after}'s
     *         is not the event's
     */
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

    /**
     * The change that applying the event to the state makes.
     *
     * @param before the certificate the change was decided on, or none
     * @param event the event, one version after {@code before}
     * @return the change, with {@code after} the state the event makes
     * @throws IllegalStateException if the event cannot apply to {@code before} (a bug in the caller)
     */
    public static CertificateChange of(Option<Certificate> before, CertificateEvent event) {
        return new CertificateChange(before, event, CertificateEvolution.evolve(before, event));
    }

    /**
     * The state that a certificate's events, oldest first, rebuild: what a repository stores after committing them
     * (none after a deletion). Lets an adapter or an outbox consumer check its rows against its events.
     *
     * @param events one certificate's events since its registration, in version order
     * @return the certificate they rebuild; none if there are no events or the last is a deletion
     * @throws IllegalStateException if the events do not follow one another (a gap, or the wrong order)
     */
    public static Option<Certificate> replay(Seq<? extends CertificateEvent> events) {
        return CertificateEvolution.replay(events);
    }

    /**
     * The id of the certificate the change is about.
     *
     * @return the event's certificate id
     */
    public CertificateId certificateId() {
        return event.certificateId();
    }

    /**
     * The version storage must still hold for the id: the one the change was decided on. For a registration it is
     * 0 if the id was never stored, or the version of the deletion that removed its previous certificate.
     *
     * @return the event's version minus one
     */
    public long expectedVersion() {
        return event.version() - 1;
    }

    /**
     * The version the id has once the change is committed: the event's; a deletion leaves it as a tombstone.
     *
     * @return the event's version
     */
    public long newVersion() {
        return event.version();
    }
}
