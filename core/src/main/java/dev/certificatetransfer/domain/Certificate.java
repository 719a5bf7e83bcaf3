package dev.certificatetransfer.domain;

import dev.certificatetransfer.domain.rules.CertificateEvolution;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered certificate: who owns it, its status, its most recent transfer, and its versions.
 * Instances are immutable; a change is an event applied by {@link CertificateEvolution}.
 *
 * @param customerVersion AWS's {@code customerVersion}: 1 when registered, +1 on every state change
 * @param version         the concurrency token that storage compares and sets: +1 on every change, and never
 *                        reused for the id, so a re-registration continues after the deletion's version
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
        long version) {

    /** Checks the shape every stored certificate has; business preconditions are the decisions' job. */
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
        if (customerVersion < 1 || customerVersion > version) {
            throw new IllegalArgumentException("customerVersion starts at 1 and never exceeds version");
        }
        if (lastModifiedDate.isBefore(creationDate)) {
            throw new IllegalArgumentException("lastModifiedDate is not before creationDate");
        }
        requireConsistentTransfer(status, owner, previousOwner, lastTransfer);
        lastTransfer.forEach(t -> requireDatesWithin(t, creationDate, lastModifiedDate));
    }

    /** The open transfer, if the certificate is {@code PENDING_TRANSFER}. */
    public Option<Transfer.Pending> pendingTransfer() {
        return lastTransfer.getOrNull() instanceof Transfer.Pending pending ? Option.some(pending) : Option.none();
    }

    /**
     * Whether the account may learn that the certificate exists: its owner, and while a transfer is pending, that
     * transfer's target (docs/behaviour.md, "Operations and their rules", check 3).
     */
    public boolean isVisibleTo(AccountId account) {
        return owner.equals(account) || pendingTarget().contains(account);
    }

    /** The target of the open transfer, if any. */
    public Option<AccountId> pendingTarget() {
        return lastTransfer.getOrNull() instanceof Transfer.Pending pending ? Option.some(pending.target()) : Option.none();
    }

    /** AWS's transferData: the most recent transfer's, or {@link TransferData#NONE}. */
    public TransferData transferData() {
        return lastTransfer.map(Transfer::data).getOrElse(TransferData.NONE);
    }

    /** The certificate's ARN, under its owner. */
    public CertificateArn arn(Region region) {
        return new CertificateArn(region, owner, id);
    }

    /**
     * Rule: a change is dated by the clock's millisecond, but never before the certificate's previous change, so
     * {@code lastModifiedDate} never goes backwards even when the clock steps back, and never runs ahead of the
     * clock (two changes in one millisecond share it; {@code customerVersion} and {@code version} tell them apart).
     */
    public Instant nextChangeTime(Instant now) {
        return now.isBefore(lastModifiedDate) ? lastModifiedDate : now;
    }

    /**
     * The certificate after the event's change, with the given owner, status and transfer; the dates, customer version
     * and version follow from the event. Throws if the event's version does not follow this one (a bug).
     */
    public Certificate evolve(AccountId newOwner, Option<AccountId> newPreviousOwner, CertificateStatus newStatus,
            Option<Transfer> newLastTransfer, CertificateEvent event) {
        if (event.version() != version + 1) {
            throw new IllegalStateException("event " + event.type() + " of version " + event.version()
                    + " does not follow version " + version + " of certificate " + id);
        }
        return new Certificate(id, pem, validity, mode, newOwner, newPreviousOwner, newStatus, newLastTransfer,
                creationDate, event.at(), customerVersion + 1, event.version());
    }

    /** The version the next change of this certificate will have. */
    public long nextVersion() {
        return version + 1;
    }

    /** A transfer happens while the certificate exists, and its dates are no later than the last change. */
    private static void requireDatesWithin(Transfer transfer, Instant creationDate, Instant lastModifiedDate) {
        if (transfer.transferDate().isBefore(creationDate) || transfer.transferDate().isAfter(lastModifiedDate)) {
            throw new IllegalArgumentException("a transfer is dated between creationDate and lastModifiedDate");
        }
        if (transfer.completionDate().exists(completed -> completed.isAfter(lastModifiedDate))) {
            throw new IllegalArgumentException("a transfer completes no later than lastModifiedDate");
        }
    }

    private static void requireConsistentTransfer(CertificateStatus status, AccountId owner,
            Option<AccountId> previousOwner, Option<Transfer> lastTransfer) {
        Transfer transfer = lastTransfer.getOrNull();
        boolean pending = transfer != null && transfer.status() == TransferStatus.PENDING;
        if (pending != (status == CertificateStatus.PENDING_TRANSFER)) {
            throw new IllegalArgumentException("a certificate is PENDING_TRANSFER exactly while its transfer is pending");
        }
        if (transfer != null) {
            boolean accepted = transfer.status() == TransferStatus.ACCEPTED;
            if (!owner.equals(accepted ? transfer.target() : transfer.source())) {
                throw new IllegalArgumentException("the owner is the source of its last transfer unless it was accepted");
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
