package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * The transfer of a certificate to another account, in one place: for each of TransferCertificate,
 * AcceptCertificateTransfer, RejectCertificateTransfer, CancelCertificateTransfer and the expiry of a transfer, its
 * decision (the checks in the order of docs/behaviour.md, sections 3 to 5, after the input and the
 * Authorizer, and the one event it produces) and the state change that event makes. All pure functions.
 */
public final class TransferRules {

    private TransferRules() {}

    /** The refusal when the host's transfer rule does not let the target receive from the caller (section 14). */
    public static final Refusal NOT_ACCEPTED_BY_TARGET =
            new Refusal.Unauthorized("the target account does not accept transfers from this account");

    /**
     * TransferCertificate: the owner offers the certificate to another account. {@code attachments} is asked only
     * once the checks before it pass, and {@code targetAccepts} (the host's transfer rule, docs/behaviour.md section
     * 14) last of all, only when every other check passed.
     */
    public static Either<Refusal, TransferRequested> transfer(
            Option<Certificate> current,
            CertificateId id,
            Principal caller,
            AccountId target,
            Option<TransferMessage> message,
            Lazy<Attachments> attachments,
            Lazy<Boolean> targetAccepts,
            Instant at) {
        return visibleTo(current, id, caller.account())
                .flatMap(c -> ownedBy(c, caller.account(), IotAction.TRANSFER_CERTIFICATE))
                .flatMap(c -> notToItself(c, target))
                .flatMap(TransferRules::transferable)
                .flatMap(c -> detached(c, attachments.get()))
                .flatMap(c -> targetAccepts.get()
                        ? Either.<Refusal, Certificate>right(c)
                        : Either.left(NOT_ACCEPTED_BY_TARGET))
                .map(c -> new TransferRequested(id, caller, target, message, c.status(), at, c.nextVersion()));
    }

    /** The state change of a transfer request: {@code PENDING_TRANSFER}, with the new pending transfer. */
    public static Certificate requested(Certificate c, TransferRequested e) {
        var transfer = new Transfer.Pending(c.owner(), e.target(), e.message(), e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.PENDING_TRANSFER, Option.some(transfer), e);
    }

    /**
     * AcceptCertificateTransfer: the target takes ownership, {@code ACTIVE} if {@code setAsActive}. {@code usage}
     * (what the caller's account owns) is asked only when the quota limits something and every other check passed.
     */
    public static Either<Refusal, TransferAccepted> accept(
            Option<Certificate> current,
            CertificateId id,
            Principal caller,
            boolean setAsActive,
            AccountQuota quota,
            Lazy<AccountUsage> usage,
            Instant at) {
        var status = setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
        return visibleToTransferParty(current, id, caller.account())
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> onlyTarget(pending, caller.account(), "accept"))
                        .flatMap(p -> CertificateRules.withinQuota(quota, c.pem(), usage)
                                .map(pem ->
                                        new TransferAccepted(id, caller, p.source(), status, at, c.nextVersion()))));
    }

    /** The state change of an acceptance: the target owns the certificate, the source is its previous owner. */
    public static Certificate accepted(Certificate c, TransferAccepted e) {
        var pending = pending(c);
        return c.evolve(
                pending.target(), Option.some(pending.source()), e.to(), Option.some(pending.accept(e.at())), e);
    }

    /** RejectCertificateTransfer: the target refuses the offer; the certificate stays with the source. */
    public static Either<Refusal, TransferRejected> reject(
            Option<Certificate> current, CertificateId id, Principal caller, Option<RejectReason> reason, Instant at) {
        return visibleToTransferParty(current, id, caller.account())
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> onlyTarget(pending, caller.account(), "reject"))
                        .map(p -> new TransferRejected(id, caller, p.source(), reason, at, c.nextVersion())));
    }

    /** The state change of a rejection: {@code INACTIVE} with the source, the reason kept in the transfer. */
    public static Certificate rejected(Certificate c, TransferRejected e) {
        var rejected = pending(c).reject(e.reason(), e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(rejected), e);
    }

    /** CancelCertificateTransfer: the source withdraws its pending transfer. */
    public static Either<Refusal, TransferCancelled> cancel(
            Option<Certificate> current, CertificateId id, Principal caller, Instant at) {
        return visibleToTransferParty(current, id, caller.account())
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> onlySource(pending, caller.account()))
                        .map(pending -> new TransferCancelled(id, caller, pending.target(), at, c.nextVersion())));
    }

    /** The state change of a cancellation: {@code INACTIVE} with the source, message and transfer date kept. */
    public static Certificate cancelled(Certificate c, TransferCancelled e) {
        var cancelled = pending(c).cancel(e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(cancelled), e);
    }

    /**
     * Expiry: the event of the certificate's pending transfer expiring, if it has expired by {@code now}, dated at
     * the moment of expiry (never before the certificate's last change); none if nothing is due.
     */
    public static Option<TransferExpired> expire(TransferExpiry expiry, Certificate certificate, Instant now) {
        return expiry.expiryDateOf(certificate)
                .filter(due -> !now.isBefore(due))
                .map(due -> new TransferExpired(
                        certificate.id(),
                        certificate.pendingTarget().get(),
                        certificate.nextChangeTime(due),
                        certificate.nextVersion()));
    }

    /** The state change of an expiry: as a cancellation by the system at the moment of expiry. */
    public static Certificate expired(Certificate c, TransferExpired e) {
        var expired = pending(c).expire(e.at());
        return c.evolve(c.owner(), c.previousOwner(), CertificateStatus.INACTIVE, Option.some(expired), e);
    }

    /** The certificate as every operation sees it at {@code now}: with its expiry applied if one is due. */
    public static Certificate seenAt(TransferExpiry expiry, Certificate certificate, Instant now) {
        return expire(expiry, certificate, now)
                .map(e -> expired(certificate, e))
                .getOrElse(certificate);
    }

    /** {@link #seenAt(TransferExpiry, Certificate, Instant)} of a certificate that may not exist. */
    public static Option<Certificate> seenAt(TransferExpiry expiry, Option<Certificate> certificate, Instant now) {
        return certificate.map(c -> seenAt(expiry, c, now));
    }

    /** NOT_FOUND unless the caller is the owner or the target of a pending transfer. */
    static Either<Refusal, Certificate> visibleTo(Option<Certificate> current, CertificateId id, AccountId caller) {
        return current.filter(c -> c.isVisibleTo(caller)).toEither(() -> new Refusal.NotFound(id));
    }

    /** NOT_FOUND unless the caller may see it, or was a party of its most recent transfer (to learn "completed"). */
    private static Either<Refusal, Certificate> visibleToTransferParty(
            Option<Certificate> current, CertificateId id, AccountId caller) {
        return current.filter(c -> c.isVisibleTo(caller) || c.lastTransfer().exists(t -> t.involves(caller)))
                .toEither(() -> new Refusal.NotFound(id));
    }

    /** UNAUTHORIZED unless the caller owns the certificate. */
    static Either<Refusal, Certificate> ownedBy(Certificate c, AccountId caller, IotAction action) {
        return c.owner().equals(caller)
                ? Either.right(c)
                : Either.left(
                        new Refusal.Unauthorized("Only the owner of the certificate may perform " + action.iamName()));
    }

    /**
     * The pending transfer; when there is none, the "completed" row: TRANSFER_ALREADY_COMPLETED after a transfer,
     * INVALID_REQUEST if the certificate was never transferred.
     */
    private static Either<Refusal, Transfer.Pending> pendingTransfer(Certificate c) {
        return c.pendingTransfer()
                .toEither(() -> c.lastTransfer()
                        .<Refusal>map(t -> new Refusal.TransferAlreadyCompleted(c.id(), t.status()))
                        .getOrElse(() -> new Refusal.InvalidRequest(
                                "The certificate " + c.id() + " has never been transferred")));
    }

    private static Either<Refusal, Transfer.Pending> onlySource(Transfer.Pending transfer, AccountId caller) {
        return transfer.source().equals(caller)
                ? Either.right(transfer)
                : Either.left(new Refusal.Unauthorized("Only the transfer source account may cancel the transfer"));
    }

    private static Either<Refusal, Transfer.Pending> onlyTarget(
            Transfer.Pending transfer, AccountId caller, String verb) {
        return transfer.target().equals(caller)
                ? Either.right(transfer)
                : Either.left(
                        new Refusal.Unauthorized("Only the transfer target account may " + verb + " the transfer"));
    }

    private static Either<Refusal, Certificate> notToItself(Certificate c, AccountId target) {
        return c.owner().equals(target)
                ? Either.left(new Refusal.InvalidRequest("targetAwsAccount must differ from the owner's account"))
                : Either.right(c);
    }

    private static Either<Refusal, Certificate> transferable(Certificate c) {
        return switch (c.status()) {
            case INACTIVE, REGISTER_INACTIVE -> Either.right(c);
            case ACTIVE ->
                Either.left(new Refusal.CertificateState(
                        c.id(), c.status(), "The certificate is ACTIVE: deactivate it before transferring it"));
            case REVOKED, PENDING_TRANSFER, PENDING_ACTIVATION ->
                Either.left(new Refusal.CertificateState(
                        c.id(), c.status(), "A certificate in status " + c.status() + " cannot be transferred"));
        };
    }

    /** TRANSFER_CONFLICT while the registry or the host's attachment query reports anything attached. */
    private static Either<Refusal, Certificate> detached(Certificate c, Attachments hostAttachments) {
        var attachments = c.attachments().counts().plus(hostAttachments);
        return attachments.hasPolicies() || attachments.hasThings()
                ? Either.left(new Refusal.TransferConflict(c.id()))
                : Either.right(c);
    }

    private static Transfer.Pending pending(Certificate c) {
        return c.pendingTransfer()
                .getOrElseThrow(() -> new IllegalStateException("certificate " + c.id() + " has no pending transfer"));
    }
}
