package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Applies events to state: the pure "evolve" half of decide-then-evolve. Replaying a certificate's events from
 * nothing rebuilds it exactly, versions included (across deletions and new registrations of the same id).
 */
public final class CertificateEvolution {

    private CertificateEvolution() {
    }

    /** The state after the event; none after a deletion. Throws if the event does not fit the state (a bug). */
    public static Option<Certificate> evolve(Option<Certificate> state, CertificateEvent event) {
        return switch (event.type()) {
            case CERTIFICATE_REGISTERED -> Option.some(registered(state, (CertificateRegistered) event));
            case TRANSFER_REQUESTED -> Option.some(transferRequested(existing(state, event), (TransferRequested) event));
            case TRANSFER_ACCEPTED -> Option.some(transferAccepted(existing(state, event), (TransferAccepted) event));
            case TRANSFER_REJECTED -> Option.some(transferRejected(existing(state, event), (TransferRejected) event));
            case TRANSFER_CANCELLED -> Option.some(transferCancelled(existing(state, event), (TransferCancelled) event));
            case TRANSFER_EXPIRED -> Option.some(transferExpired(existing(state, event), (TransferExpired) event));
            case CERTIFICATE_STATUS_CHANGED -> Option.some(statusChanged(existing(state, event), (CertificateStatusChanged) event));
            case CERTIFICATE_DELETED -> deleted(existing(state, event), (CertificateDeleted) event);
        };
    }

    /** Folds a certificate's events, oldest first, into its state. */
    public static Option<Certificate> replay(Seq<? extends CertificateEvent> events) {
        return events.foldLeft(Option.none(), CertificateEvolution::evolve);
    }

    private static Certificate registered(Option<Certificate> state, CertificateRegistered e) {
        if (state.isDefined()) {
            throw new IllegalStateException("certificate " + e.certificateId() + " is registered already");
        }
        return new Certificate(e.certificateId(), e.pem(), e.validity(), e.mode(), e.actor(), Option.none(),
                e.status(), Option.none(), e.at(), e.at(), 1, e.version());
    }

    private static Certificate transferRequested(Certificate c, TransferRequested e) {
        var transfer = new Transfer.Pending(c.owner(), e.target(), e.message(), e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.PENDING_TRANSFER, Option.some(transfer), e);
    }

    private static Certificate transferAccepted(Certificate c, TransferAccepted e) {
        var pending = pending(c);
        return c.evolve(pending.target(), Option.some(pending.source()), e.to(), Option.some(pending.accept(e.at())), e);
    }

    private static Certificate transferRejected(Certificate c, TransferRejected e) {
        var rejected = pending(c).reject(e.reason(), e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(rejected), e);
    }

    private static Certificate transferCancelled(Certificate c, TransferCancelled e) {
        var cancelled = pending(c).cancel(e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(cancelled), e);
    }

    private static Certificate transferExpired(Certificate c, TransferExpired e) {
        var expired = pending(c).expire(e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(expired), e);
    }

    private static Certificate statusChanged(Certificate c, CertificateStatusChanged e) {
        return c.evolve(c.owner(), c.previousOwner(), e.to(), c.lastTransfer(), e);
    }

    private static Option<Certificate> deleted(Certificate c, CertificateDeleted e) {
        if (e.version() != c.nextVersion()) {
            throw new IllegalStateException("deletion of version " + e.version() + " does not follow version "
                    + c.version() + " of certificate " + c.id());
        }
        return Option.none();
    }

    private static Certificate existing(Option<Certificate> state, CertificateEvent event) {
        Certificate current = state.getOrNull();
        if (current == null || !current.id().equals(event.certificateId())) {
            throw new IllegalStateException(event.type() + " applies to certificate " + event.certificateId()
                    + ", which is not the given state");
        }
        return current;
    }

    private static Transfer.Pending pending(Certificate c) {
        return c.pendingTransfer().getOrElseThrow(
                () -> new IllegalStateException("certificate " + c.id() + " has no pending transfer"));
    }
}
