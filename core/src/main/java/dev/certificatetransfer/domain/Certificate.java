package dev.certificatetransfer.domain;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered certificate: who owns it, its status, its most recent transfer, and its versions.
 * Instances are immutable; a change is an event applied by {@link CertificateEvolution}.
 *
 * @param version         the concurrency token that storage compares and sets; 1 when registered
 * @param customerVersion AWS's {@code customerVersion}: 1 when registered, +1 on every state change
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
        if (customerVersion < 1 || version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        requireConsistentTransfer(status, owner, previousOwner, lastTransfer);
    }

    /**
     * Rebuilds a certificate loaded from storage, checking its shape (not business rules); the one way in for
     * repositories.
     */
    public static Certificate reconstitute(CertificateId id, CertificatePem pem, Validity validity, CertificateMode mode,
            AccountId owner, Option<AccountId> previousOwner, CertificateStatus status, Option<Transfer> lastTransfer,
            Instant creationDate, Instant lastModifiedDate, long customerVersion, long version) {
        return new Certificate(id, pem, validity, mode, owner, previousOwner, status, lastTransfer, creationDate,
                lastModifiedDate, customerVersion, version);
    }

    /** The open transfer, if the certificate is {@code PENDING_TRANSFER}. */
    public Option<Transfer.Pending> pendingTransfer() {
        return lastTransfer.getOrNull() instanceof Transfer.Pending pending ? Option.some(pending) : Option.none();
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
     * Rule: every change of a certificate happens strictly after the one before, by at least a millisecond, even
     * when the clock stands still or steps back; so {@code lastModifiedDate} changes on every state change and a
     * certificate's events are ordered by their time.
     */
    public Instant nextChangeTime(Instant now) {
        var earliest = lastModifiedDate.plusMillis(1);
        return now.isBefore(earliest) ? earliest : now;
    }

    /** The key that orders certificates in listings: creation date, then id. */
    public ListingKey listingKey() {
        return new ListingKey(creationDate, id);
    }

    Certificate evolve(AccountId newOwner, Option<AccountId> newPreviousOwner, CertificateStatus newStatus,
            Option<Transfer> newLastTransfer, Instant at) {
        return new Certificate(id, pem, validity, mode, newOwner, newPreviousOwner, newStatus, newLastTransfer,
                creationDate, at, customerVersion + 1, version + 1);
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
}
