package dev.certificatetransfer.domain;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a certificate: exactly one event per successful state change, with the certificate, who acted
 * (the caller's principal, its account and name; or the system), the status before and after, the time and the
 * certificate's version after the change (docs/behaviour.md, section 9). Events carry everything the state change
 * needs, so replaying them ({@code CertificateChange.replay}) rebuilds the state. Events are immutable, and their
 * {@code toString} never prints a PEM.
 */
public sealed interface CertificateEvent {

    /**
     * The certificate the change is about.
     *
     * @return its id
     */
    CertificateId certificateId();

    /**
     * Who made the change.
     *
     * @return the {@link Principal} whose call made it (its account and its name), or {@link Actor#system()} for a
     *     change no call made (an expiry)
     */
    Actor actor();

    /**
     * The status before the change.
     *
     * @return the status before; none for a registration
     */
    Option<CertificateStatus> statusBefore();

    /**
     * The status after the change.
     *
     * @return the status after; none for a deletion
     */
    Option<CertificateStatus> statusAfter();

    /**
     * When the change was made: the certificate's {@code lastModifiedDate} after it (docs/behaviour.md, section 7).
     *
     * @return the change's date, to the millisecond
     */
    Instant at();

    /**
     * The certificate's version after this change: one more than the version the change was decided on, and never
     * reused for the certificate id (not even after a deletion and a new registration). A consumer orders a
     * certificate's events by it and drops an event it has already seen (outboxes deliver at least once).
     *
     * @return the version after the change, at least 1
     */
    long version();

    /**
     * The kind of event, for exhaustive {@code switch} expressions.
     *
     * @return the kind, one per record
     */
    EventType type();

    /** The kinds of {@link CertificateEvent}. */
    enum EventType {
        /** {@link CertificateRegistered}. */
        CERTIFICATE_REGISTERED,
        /** {@link TransferRequested}. */
        TRANSFER_REQUESTED,
        /** {@link TransferAccepted}. */
        TRANSFER_ACCEPTED,
        /** {@link TransferRejected}. */
        TRANSFER_REJECTED,
        /** {@link TransferCancelled}. */
        TRANSFER_CANCELLED,
        /** {@link TransferExpired}. */
        TRANSFER_EXPIRED,
        /** {@link CertificateStatusChanged}. */
        CERTIFICATE_STATUS_CHANGED,
        /** {@link CertificateDeleted}. */
        CERTIFICATE_DELETED,
        /** {@link PolicyAttached}. */
        POLICY_ATTACHED,
        /** {@link PolicyDetached}. */
        POLICY_DETACHED,
        /** {@link ThingAttached}. */
        THING_ATTACHED,
        /** {@link ThingDetached}. */
        THING_DETACHED
    }

    /**
     * A certificate was registered without a CA; the actor owns it.
     *
     * @param certificateId the certificate
     * @param actor the caller that registered it; its account owns it
     * @param pem its canonical PEM
     * @param validity its validity period
     * @param mode its mode
     * @param status the status it was registered with
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record CertificateRegistered(
            CertificateId certificateId,
            Principal actor,
            CertificatePem pem,
            Validity validity,
            CertificateMode mode,
            CertificateStatus status,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller that registered it; its account owns it
         * @param pem its canonical PEM
         * @param validity its validity period
         * @param mode its mode
         * @param status the status it was registered with
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public CertificateRegistered {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(pem, "pem");
            Objects.requireNonNull(validity, "validity");
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.none();
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(status);
        }

        @Override
        public EventType type() {
            return EventType.CERTIFICATE_REGISTERED;
        }
    }

    /**
     * The owner (actor) opened a transfer to the target; the certificate is now {@code PENDING_TRANSFER}.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account, the transfer's source
     * @param target the account the certificate is offered to
     * @param message the transfer message, if any
     * @param from the status before the transfer
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record TransferRequested(
            CertificateId certificateId,
            Principal actor,
            AccountId target,
            Option<TransferMessage> message,
            CertificateStatus from,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account, the transfer's source
         * @param target the account the certificate is offered to
         * @param message the transfer message, if any
         * @param from the status before the transfer
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public TransferRequested {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(from);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(CertificateStatus.PENDING_TRANSFER);
        }

        @Override
        public EventType type() {
            return EventType.TRANSFER_REQUESTED;
        }
    }

    /**
     * The target (actor) accepted the transfer and owns the certificate now, {@code ACTIVE} or {@code INACTIVE}.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the target account, the new owner
     * @param source the previous owner
     * @param to the status after: {@code ACTIVE} or {@code INACTIVE}
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record TransferAccepted(
            CertificateId certificateId,
            Principal actor,
            AccountId source,
            CertificateStatus to,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the target account, the new owner
         * @param source the previous owner
         * @param to the status after: {@code ACTIVE} or {@code INACTIVE}
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public TransferAccepted {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(CertificateStatus.PENDING_TRANSFER);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(to);
        }

        @Override
        public EventType type() {
            return EventType.TRANSFER_ACCEPTED;
        }
    }

    /**
     * The target (actor) rejected the transfer; the certificate stays with the source, {@code INACTIVE}.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the target account
     * @param source the owner, who keeps the certificate
     * @param reason the target's reason, if any
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record TransferRejected(
            CertificateId certificateId,
            Principal actor,
            AccountId source,
            Option<RejectReason> reason,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the target account
         * @param source the owner, who keeps the certificate
         * @param reason the target's reason, if any
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public TransferRejected {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(CertificateStatus.PENDING_TRANSFER);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(CertificateStatus.INACTIVE);
        }

        @Override
        public EventType type() {
            return EventType.TRANSFER_REJECTED;
        }
    }

    /**
     * The source (actor) cancelled the transfer; the certificate stays with it, {@code INACTIVE}.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the source account, the owner
     * @param target the account the transfer was offered to
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record TransferCancelled(CertificateId certificateId, Principal actor, AccountId target, Instant at, long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the source account, the owner
         * @param target the account the transfer was offered to
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public TransferCancelled {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(CertificateStatus.PENDING_TRANSFER);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(CertificateStatus.INACTIVE);
        }

        @Override
        public EventType type() {
            return EventType.TRANSFER_CANCELLED;
        }
    }

    /**
     * The pending transfer to the target expired (ours: docs/behaviour.md, section 14): the system (the actor)
     * cancelled it at the moment of expiry, {@code transferDate + ttl}; the certificate stays with the source,
     * {@code INACTIVE}.
     *
     * @param certificateId the certificate
     * @param target the account the transfer was offered to
     * @param at the moment of expiry, {@code transferDate + ttl}
     * @param version the certificate's version after the change
     */
    record TransferExpired(CertificateId certificateId, AccountId target, Instant at, long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param target the account the transfer was offered to
         * @param at the moment of expiry
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public TransferExpired {
            requireCommon(certificateId, Actor.system(), at, version);
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Actor actor() {
            return Actor.system();
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(CertificateStatus.PENDING_TRANSFER);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(CertificateStatus.INACTIVE);
        }

        @Override
        public EventType type() {
            return EventType.TRANSFER_EXPIRED;
        }
    }

    /**
     * The owner (actor) changed the certificate's status with UpdateCertificate.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param from the status before
     * @param to the status after, never the same as {@code from}
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record CertificateStatusChanged(
            CertificateId certificateId,
            Principal actor,
            CertificateStatus from,
            CertificateStatus to,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param from the status before
         * @param to the status after, never the same as {@code from}
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public CertificateStatusChanged {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(from);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(to);
        }

        @Override
        public EventType type() {
            return EventType.CERTIFICATE_STATUS_CHANGED;
        }
    }

    /**
     * The owner (actor) deleted the certificate.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param from the status before the deletion
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record CertificateDeleted(
            CertificateId certificateId, Principal actor, CertificateStatus from, Instant at, long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param from the status before the deletion
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public CertificateDeleted {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(from, "from");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(from);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.none();
        }

        @Override
        public EventType type() {
            return EventType.CERTIFICATE_DELETED;
        }
    }

    /**
     * The owner (actor) attached a policy to the certificate
     * (docs/behaviour.md#17-things-policies-and-attachments). The status does not change.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param policy the policy, in the owner's account
     * @param status the certificate's status, before and after
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record PolicyAttached(
            CertificateId certificateId,
            Principal actor,
            PolicyName policy,
            CertificateStatus status,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param policy the policy
         * @param status the certificate's status
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public PolicyAttached {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(status);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(status);
        }

        @Override
        public EventType type() {
            return EventType.POLICY_ATTACHED;
        }
    }

    /**
     * The owner (actor) detached a policy from the certificate
     * (docs/behaviour.md#17-things-policies-and-attachments). The status does not change.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param policy the policy, in the owner's account
     * @param status the certificate's status, before and after
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record PolicyDetached(
            CertificateId certificateId,
            Principal actor,
            PolicyName policy,
            CertificateStatus status,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param policy the policy
         * @param status the certificate's status
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public PolicyDetached {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(status);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(status);
        }

        @Override
        public EventType type() {
            return EventType.POLICY_DETACHED;
        }
    }

    /**
     * The owner (actor) attached the certificate to a thing as its principal
     * (docs/behaviour.md#17-things-policies-and-attachments). The status does not change.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param thing the thing, in the owner's account
     * @param status the certificate's status, before and after
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record ThingAttached(
            CertificateId certificateId,
            Principal actor,
            ThingName thing,
            CertificateStatus status,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param thing the thing
         * @param status the certificate's status
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public ThingAttached {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(thing, "thing");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(status);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(status);
        }

        @Override
        public EventType type() {
            return EventType.THING_ATTACHED;
        }
    }

    /**
     * The owner (actor) detached the certificate from a thing
     * (docs/behaviour.md#17-things-policies-and-attachments). The status does not change.
     *
     * @param certificateId the certificate
     * @param actor the caller, of the owner's account
     * @param thing the thing, in the owner's account
     * @param status the certificate's status, before and after
     * @param at when the change was made
     * @param version the certificate's version after the change
     */
    record ThingDetached(
            CertificateId certificateId,
            Principal actor,
            ThingName thing,
            CertificateStatus status,
            Instant at,
            long version)
            implements CertificateEvent {
        /**
         * The event, checked for completeness.
         *
         * @param certificateId the certificate
         * @param actor the caller, of the owner's account
         * @param thing the thing
         * @param status the certificate's status
         * @param at when the change was made
         * @param version the certificate's version after the change
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code version} is below 1
         */
        public ThingDetached {
            requireCommon(certificateId, actor, at, version);
            Objects.requireNonNull(thing, "thing");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public Option<CertificateStatus> statusBefore() {
            return Option.some(status);
        }

        @Override
        public Option<CertificateStatus> statusAfter() {
            return Option.some(status);
        }

        @Override
        public EventType type() {
            return EventType.THING_DETACHED;
        }
    }

    private static void requireCommon(CertificateId certificateId, Actor actor, Instant at, long version) {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (version < 1) {
            throw new IllegalArgumentException("a certificate's version after a change is at least 1");
        }
    }
}
