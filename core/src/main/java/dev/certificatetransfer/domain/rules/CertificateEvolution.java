package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Applies any event to state, by the state change its rules class defines ({@link TransferRules},
 * {@link CertificateRules}). Replaying a certificate's events from nothing rebuilds it exactly, versions included
 * (across deletions and new registrations of the same id).
 */
public final class CertificateEvolution {

    private CertificateEvolution() {}

    /** The state after the event; none after a deletion. Throws if the event does not fit the state (a bug). */
    public static Option<Certificate> evolve(Option<Certificate> state, CertificateEvent event) {
        return switch (event.type()) {
            case CERTIFICATE_REGISTERED ->
                Option.some(CertificateRules.registered(state, (CertificateRegistered) event));
            case TRANSFER_REQUESTED ->
                Option.some(TransferRules.requested(existing(state, event), (TransferRequested) event));
            case TRANSFER_ACCEPTED ->
                Option.some(TransferRules.accepted(existing(state, event), (TransferAccepted) event));
            case TRANSFER_REJECTED ->
                Option.some(TransferRules.rejected(existing(state, event), (TransferRejected) event));
            case TRANSFER_CANCELLED ->
                Option.some(TransferRules.cancelled(existing(state, event), (TransferCancelled) event));
            case TRANSFER_EXPIRED ->
                Option.some(TransferRules.expired(existing(state, event), (TransferExpired) event));
            case CERTIFICATE_STATUS_CHANGED ->
                Option.some(CertificateRules.statusChanged(existing(state, event), (CertificateStatusChanged) event));
            case CERTIFICATE_DELETED -> CertificateRules.deleted(existing(state, event), (CertificateDeleted) event);
            case POLICY_ATTACHED ->
                Option.some(AttachmentRules.policyAttached(existing(state, event), (PolicyAttached) event));
            case POLICY_DETACHED ->
                Option.some(AttachmentRules.policyDetached(existing(state, event), (PolicyDetached) event));
            case THING_ATTACHED ->
                Option.some(AttachmentRules.thingAttached(existing(state, event), (ThingAttached) event));
            case THING_DETACHED ->
                Option.some(AttachmentRules.thingDetached(existing(state, event), (ThingDetached) event));
        };
    }

    /** Folds a certificate's events, oldest first, into its state. */
    public static Option<Certificate> replay(Seq<? extends CertificateEvent> events) {
        return events.foldLeft(Option.none(), CertificateEvolution::evolve);
    }

    private static Certificate existing(Option<Certificate> state, CertificateEvent event) {
        Certificate current = state.getOrNull();
        if (current == null || !current.id().equals(event.certificateId())) {
            throw new IllegalStateException(event.type() + " applies to certificate " + event.certificateId()
                    + ", which is not the given state");
        }
        return current;
    }
}
