package dev.certificatetransfer.domain;

import dev.certificatetransfer.domain.rules.CertificateEvolution;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened to a certificate: exactly one event per successful state change (docs/behaviour.md, section 9), with the
 * certificate, the acting account, the status before and after, the time and the certificate's version after the
 * change. Events carry everything {@link CertificateEvolution} needs, so replaying them rebuilds the state.
 */
public sealed interface CertificateEvent {

    CertificateId certificateId();

    /** The account whose call made the change, or {@link Actor#system()} for a change no call made (an expiry). */
    Actor actor();

    /** The status before the change; none for a registration. */
    Option<CertificateStatus> statusBefore();

    /** The status after the change; none for a deletion. */
    Option<CertificateStatus> statusAfter();

    Instant at();

    /**
     * The certificate's version after this change: one more than the version the change was decided on, and never
     * reused for the certificate id (not even after a deletion and a new registration). A consumer orders a
     * certificate's events by it and drops an event it has already seen (outboxes deliver at least once).
     */
    long version();

    /** The kind of event, for exhaustive {@code switch} expressions. */
    EventType type();

    /** The kinds of {@link CertificateEvent}. */
    enum EventType {
        CERTIFICATE_REGISTERED,
        TRANSFER_REQUESTED,
        TRANSFER_ACCEPTED,
        TRANSFER_REJECTED,
        TRANSFER_CANCELLED,
        TRANSFER_EXPIRED,
        CERTIFICATE_STATUS_CHANGED,
        CERTIFICATE_DELETED
    }

    /** A certificate was registered without a CA; the actor owns it. */
    record CertificateRegistered(CertificateId certificateId, AccountId actor, CertificatePem pem, Validity validity,
            CertificateMode mode, CertificateStatus status, Instant at, long version) implements CertificateEvent {
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

    /** The owner (actor) opened a transfer to the target; the certificate is now {@code PENDING_TRANSFER}. */
    record TransferRequested(CertificateId certificateId, AccountId actor, AccountId target,
            Option<TransferMessage> message, CertificateStatus from, Instant at, long version) implements CertificateEvent {
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

    /** The target (actor) accepted the transfer and owns the certificate now, {@code ACTIVE} or {@code INACTIVE}. */
    record TransferAccepted(CertificateId certificateId, AccountId actor, AccountId source, CertificateStatus to,
            Instant at, long version) implements CertificateEvent {
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

    /** The target (actor) rejected the transfer; the certificate stays with the source, {@code INACTIVE}. */
    record TransferRejected(CertificateId certificateId, AccountId actor, AccountId source,
            Option<RejectReason> reason, Instant at, long version) implements CertificateEvent {
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

    /** The source (actor) cancelled the transfer; the certificate stays with it, {@code INACTIVE}. */
    record TransferCancelled(CertificateId certificateId, AccountId actor, AccountId target, Instant at, long version)
            implements CertificateEvent {
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
     * The pending transfer to the target expired (ours: docs/behaviour.md, section 14): the system (the actor) cancelled it at the
     * moment of expiry, {@code transferDate + ttl}; the certificate stays with the source, {@code INACTIVE}.
     */
    record TransferExpired(CertificateId certificateId, AccountId target, Instant at, long version)
            implements CertificateEvent {
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

    /** The owner (actor) changed the certificate's status with UpdateCertificate. */
    record CertificateStatusChanged(CertificateId certificateId, AccountId actor, CertificateStatus from,
            CertificateStatus to, Instant at, long version) implements CertificateEvent {
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

    /** The owner (actor) deleted the certificate. */
    record CertificateDeleted(CertificateId certificateId, AccountId actor, CertificateStatus from, Instant at,
            long version) implements CertificateEvent {
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

    private static void requireCommon(CertificateId certificateId, Actor actor, Instant at, long version) {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        if (version < 1) {
            throw new IllegalArgumentException("a certificate's version after a change is at least 1");
        }
    }
}
