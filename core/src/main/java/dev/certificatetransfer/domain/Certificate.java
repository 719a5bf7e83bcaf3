package dev.certificatetransfer.domain;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered certificate: who owns it, its status, its most recent transfer, and its versions.
 * Instances are immutable, so safe to share between threads; a change is an event that the domain's rules apply,
 * giving a new instance. What each field shows is in docs/behaviour.md, sections 4 and 7; {@link #toString()} never
 * prints the PEM.
 *
 * @param id the certificate's id
 * @param pem its PEM text, re-armoured canonically at registration
 * @param validity its validity period, read from the certificate
 * @param mode its mode; {@code SNI_ONLY} for every registration here
 * @param owner the account that owns it now (the source, while a transfer is pending)
 * @param previousOwner the source of the most recent accepted transfer, if any
 * @param status its status; {@code PENDING_TRANSFER} exactly while {@code lastTransfer} is pending
 * @param lastTransfer its most recent transfer, pending or completed; none if never transferred
 * @param creationDate the registration's date
 * @param lastModifiedDate the latest change's date, never before {@code creationDate}
 * @param customerVersion AWS's {@code customerVersion}: 1 when registered, +1 on every state change
 * @param version         the concurrency token that storage compares and sets: +1 on every change, and never
 *                        reused for the id, so a re-registration continues after the deletion's version
 * @param attachments     the policies and things attached to it in the service's registry
 *                        (docs/behaviour.md#17-things-policies-and-attachments)
 */
public record Certificate(
        CertificateId id,
        CertificatePem pem,
        Validity validity,
        CertificateMode mode,
        AccountId owner,
        Option<AccountId> previousOwner,
        CertificateStatus status,
        Option<Transfer> lastTransfer,
        Instant creationDate,
        Instant lastModifiedDate,
        long customerVersion,
        long version,
        CertificateAttachments attachments) {

    /**
     * Checks the shape every stored certificate has; business preconditions are the decisions' job. Storage
     * rebuilds a certificate through {@code CertificateReconstitution}.
     *
     * @param id the certificate's id
     * @param pem its PEM text, re-armoured canonically at registration
     * @param validity its validity period, read from the certificate
     * @param mode its mode; {@code SNI_ONLY} for every registration here
     * @param owner the account that owns it now (the source, while a transfer is pending)
     * @param previousOwner the source of the most recent accepted transfer, if any
     * @param status its status; {@code PENDING_TRANSFER} exactly while {@code lastTransfer} is pending
     * @param lastTransfer its most recent transfer, pending or completed; none if never transferred
     * @param creationDate the registration's date
     * @param lastModifiedDate the latest change's date, never before {@code creationDate}
     * @param customerVersion AWS's {@code customerVersion}, from 1 to {@code version}
     * @param version the compare-and-set version
     * @param attachments what is attached to it
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the components do not fit together: the versions, the dates, or the
     *         status, owners and transfer
     */
    public Certificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pem, "pem");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(previousOwner, "previousOwner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastTransfer, "lastTransfer");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(lastModifiedDate, "lastModifiedDate");
        Objects.requireNonNull(attachments, "attachments");
        if (customerVersion < 1 || customerVersion > version) {
            throw new IllegalArgumentException("customerVersion starts at 1 and never exceeds version");
        }
        if (lastModifiedDate.isBefore(creationDate)) {
            throw new IllegalArgumentException("lastModifiedDate is not before creationDate");
        }
        requireConsistentTransfer(status, owner, previousOwner, lastTransfer);
        if (status == CertificateStatus.PENDING_TRANSFER && !attachments.isEmpty()) {
            throw new IllegalArgumentException("nothing is attached to a certificate pending transfer");
        }
        lastTransfer.forEach(t -> requireDatesWithin(t, creationDate, lastModifiedDate));
    }

    /**
     * The open transfer, if the certificate is {@code PENDING_TRANSFER}.
     *
     * @return the pending transfer, or none
     */
    public Option<Transfer.Pending> pendingTransfer() {
        return lastTransfer.getOrNull() instanceof Transfer.Pending pending ? Option.some(pending) : Option.none();
    }

    /**
     * Whether the account may learn that the certificate exists: its owner, and while a transfer is pending, that
     * transfer's target (docs/behaviour.md, section 3, check 3).
     *
     * @param account the account asking
     * @return whether it is the owner or the pending transfer's target
     */
    public boolean isVisibleTo(AccountId account) {
        return owner.equals(account) || pendingTarget().contains(account);
    }

    /**
     * The target of the open transfer, if any.
     *
     * @return the pending transfer's target, or none
     */
    public Option<AccountId> pendingTarget() {
        return lastTransfer.getOrNull() instanceof Transfer.Pending pending
                ? Option.some(pending.target())
                : Option.none();
    }

    /**
     * AWS's transferData.
     *
     * @return the most recent transfer's data, or {@link TransferData#NONE} if never transferred
     */
    public TransferData transferData() {
        return lastTransfer.map(Transfer::data).getOrElse(TransferData.NONE);
    }

    /**
     * The certificate's ARN, under its owner.
     *
     * @param region the deployment's region
     * @return {@code arn:aws:iot:{region}:{owner}:cert/{id}}
     */
    public CertificateArn arn(Region region) {
        return new CertificateArn(region, owner, id);
    }

    /**
     * Rule: a change is dated by the clock's millisecond, but never before the certificate's previous change, so
     * {@code lastModifiedDate} never goes backwards even when the clock steps back, and never runs ahead of the
     * clock (two changes in one millisecond share it; {@code customerVersion} and {@code version} tell them apart).
     * See docs/behaviour.md, section 7.
     *
     * @param now the clock's time, which the service truncates to the millisecond
     * @return the later of {@code now} and {@link #lastModifiedDate()}
     */
    public Instant nextChangeTime(Instant now) {
        return now.isBefore(lastModifiedDate) ? lastModifiedDate : now;
    }

    /**
     * The certificate after the event's change, with the given owner, status and transfer; the dates, customer version
     * and version follow from the event. The domain's rules make their state changes with it; hosts and storage have
     * no need of it.
     *
     * @param newOwner the owner after the change
     * @param newPreviousOwner the previous owner after the change
     * @param newStatus the status after the change
     * @param newLastTransfer the most recent transfer after the change
     * @param event the change's event, of version {@link #nextVersion()}
     * @return the certificate after the change, at the event's version and dated by it
     * @throws IllegalStateException if the event's version does not follow this one (a bug)
     * @throws IllegalArgumentException if the new components do not fit together (a bug)
     */
    public Certificate evolve(
            AccountId newOwner,
            Option<AccountId> newPreviousOwner,
            CertificateStatus newStatus,
            Option<Transfer> newLastTransfer,
            CertificateEvent event) {
        requireFollows(event);
        return new Certificate(
                id,
                pem,
                validity,
                mode,
                newOwner,
                newPreviousOwner,
                newStatus,
                newLastTransfer,
                creationDate,
                event.at(),
                customerVersion + 1,
                event.version(),
                attachments);
    }

    /**
     * The certificate after an attach or detach: only its attachments and its version change, not its status,
     * dates or customer version (docs/behaviour.md#17-things-policies-and-attachments). The domain's rules make
     * attachment changes with it.
     *
     * @param newAttachments the attachments after the change
     * @param event the change's event, of version {@link #nextVersion()}
     * @return the certificate after the change, at the event's version
     * @throws IllegalStateException if the event's version does not follow this one (a bug)
     */
    public Certificate reattach(CertificateAttachments newAttachments, CertificateEvent event) {
        requireFollows(event);
        return new Certificate(
                id,
                pem,
                validity,
                mode,
                owner,
                previousOwner,
                status,
                lastTransfer,
                creationDate,
                lastModifiedDate,
                customerVersion,
                event.version(),
                newAttachments);
    }

    /**
     * The version the next change of this certificate will have.
     *
     * @return {@link #version()} plus one
     */
    public long nextVersion() {
        return version + 1;
    }

    /** The event is this certificate's next change, at the version after this one (anything else is a bug). */
    private void requireFollows(CertificateEvent event) {
        if (event.version() != version + 1) {
            throw new IllegalStateException("event " + event.type() + " of version " + event.version()
                    + " does not follow version " + version + " of certificate " + id);
        }
    }

    /** A transfer happens while the certificate exists, and its dates are no later than the last change. */
    private static void requireDatesWithin(Transfer transfer, Instant creationDate, Instant lastModifiedDate) {
        if (transfer.transferDate().isBefore(creationDate)
                || transfer.transferDate().isAfter(lastModifiedDate)) {
            throw new IllegalArgumentException("a transfer is dated between creationDate and lastModifiedDate");
        }
        if (transfer.completionDate().exists(completed -> completed.isAfter(lastModifiedDate))) {
            throw new IllegalArgumentException("a transfer completes no later than lastModifiedDate");
        }
    }

    private static void requireConsistentTransfer(
            CertificateStatus status, AccountId owner, Option<AccountId> previousOwner, Option<Transfer> lastTransfer) {
        Transfer transfer = lastTransfer.getOrNull();
        boolean pending = transfer != null && transfer.status() == TransferStatus.PENDING;
        if (pending != (status == CertificateStatus.PENDING_TRANSFER)) {
            throw new IllegalArgumentException(
                    "a certificate is PENDING_TRANSFER exactly while its transfer is pending");
        }
        if (transfer != null) {
            boolean accepted = transfer.status() == TransferStatus.ACCEPTED;
            if (!owner.equals(accepted ? transfer.target() : transfer.source())) {
                throw new IllegalArgumentException(
                        "the owner is the source of its last transfer unless it was accepted");
            }
            if (accepted && !previousOwner.contains(transfer.source())) {
                throw new IllegalArgumentException("after an accepted transfer the previous owner is its source");
            }
        }
    }

    /** What a log needs, never the PEM: id, owner, status, the pending target if any, and the version. */
    @Override
    public String toString() {
        return "Certificate[id=" + id + ", owner=" + owner + ", status=" + status
                + pendingTarget().map(t -> ", pendingTarget=" + t).getOrElse("") + ", version=" + version + "]";
    }
}
