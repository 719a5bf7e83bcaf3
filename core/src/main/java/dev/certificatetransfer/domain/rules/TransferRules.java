package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.TransferExpiry;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The pure decisions of the transfer lifecycle: given the current state and a request, either the refusal
 * the spec gives or the one event that the change makes. Checks run in the spec's order: visibility, role, state.
 */
public final class TransferRules {

    private TransferRules() {
    }

    /**
     * TransferCertificate: the owner opens a transfer of an {@code INACTIVE} or {@code REGISTER_INACTIVE}
     * certificate to another account.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, TransferRequested> transfer(Option<Certificate> current, CertificateId id,
            AccountId caller, AccountId target, Option<TransferMessage> message, Lazy<Attachments> attachments,
            Instant at) {
        return Visibility.visibleTo(current, id, caller)
                .flatMap(c -> Roles.onlyOwner(c, caller, IotAction.TRANSFER_CERTIFICATE))
                .flatMap(c -> notToItself(c, target))
                .flatMap(TransferRules::transferable)
                .flatMap(c -> detached(c, attachments.get()))
                .map(c -> new TransferRequested(id, caller, target, message, c.status(), at, c.nextVersion()));
    }

    /**
     * AcceptCertificateTransfer: the target takes ownership; the certificate becomes {@code ACTIVE} when
     * {@code setAsActive}, else {@code INACTIVE}.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, TransferAccepted> accept(Option<Certificate> current, CertificateId id,
            AccountId caller, boolean setAsActive, Instant at) {
        var to = setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlyTargetAccepts(pending, caller))
                        .map(pending -> new TransferAccepted(id, caller, pending.source(), to, at, c.nextVersion())));
    }

    /**
     * RejectCertificateTransfer: the target refuses; the certificate stays with the source as {@code INACTIVE}.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, TransferRejected> reject(Option<Certificate> current, CertificateId id,
            AccountId caller, Option<RejectReason> reason, Instant at) {
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlyTargetRejects(pending, caller))
                        .map(pending -> new TransferRejected(id, caller, pending.source(), reason, at, c.nextVersion())));
    }

    /**
     * CancelCertificateTransfer: the source withdraws its pending transfer; the certificate stays with it as
     * {@code INACTIVE}.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, TransferCancelled> cancel(Option<Certificate> current, CertificateId id,
            AccountId caller, Instant at) {
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlySourceCancels(pending, caller))
                        .map(pending -> new TransferCancelled(id, caller, pending.target(), at, c.nextVersion())));
    }

    /**
     * Expiry: the change that expiry makes to the certificate at {@code now}: its {@link TransferExpired} event, dated
     * at the moment of expiry (never before the certificate's last change), if a transfer is pending and has expired.
     */
    public static Option<TransferExpired> expire(TransferExpiry expiry, Certificate certificate, Instant now) {
        return expiry.expiryDateOf(certificate)
                .filter(due -> !now.isBefore(due))
                .map(due -> new TransferExpired(certificate.id(), certificate.pendingTarget().get(),
                        certificate.nextChangeTime(due), certificate.nextVersion()));
    }

    /**
     * The certificate as every operation must see it at {@code now}: unchanged, unless its pending transfer has
     * expired; then exactly the certificate that committing {@link #expire} produces.
     */
    public static Certificate seenAt(TransferExpiry expiry, Certificate certificate, Instant now) {
        return expire(expiry, certificate, now)
                .map(event -> CertificateEvolution.evolve(Option.some(certificate), event).get())
                .getOrElse(certificate);
    }

    /** {@link #seenAt(TransferExpiry, Certificate, Instant)} of a certificate that may not exist. */
    public static Option<Certificate> seenAt(TransferExpiry expiry, Option<Certificate> certificate, Instant now) {
        return certificate.map(c -> seenAt(expiry, c, now));
    }

    /**
     * Rule "completed": accept, reject or cancel on a certificate that is not {@code PENDING_TRANSFER} answer
     * TransferAlreadyCompleted (410) if it has a completed transfer, and InvalidRequest (400, ours) if it was
     * never transferred.
     */
    public static Refusal completedTransfer(Certificate certificate) {
        return certificate.lastTransfer()
                .<Refusal>map(t -> new Refusal.TransferAlreadyCompleted(certificate.id(), t.status()))
                .getOrElse(() -> new Refusal.InvalidRequest(
                        "The certificate " + certificate.id() + " has never been transferred"));
    }

    private static Either<Refusal, Transfer.Pending> pendingTransfer(Certificate certificate) {
        var pending = certificate.pendingTransfer();
        return pending.isDefined() ? Either.right(pending.get()) : Either.left(completedTransfer(certificate));
    }

    private static Either<Refusal, Certificate> notToItself(Certificate certificate, AccountId target) {
        return certificate.owner().equals(target)
                ? Either.left(new Refusal.InvalidRequest("targetAwsAccount must differ from the owner's account"))
                : Either.right(certificate);
    }

    private static Either<Refusal, Certificate> detached(Certificate certificate, Attachments attachments) {
        return attachments.hasPolicies() || attachments.hasThings()
                ? Either.left(new Refusal.TransferConflict(certificate.id()))
                : Either.right(certificate);
    }

    private static Either<Refusal, Certificate> transferable(Certificate certificate) {
        return switch (certificate.status()) {
            case INACTIVE, REGISTER_INACTIVE -> Either.right(certificate);
            case ACTIVE -> Either.left(new Refusal.CertificateState(certificate.id(), certificate.status(),
                    "The certificate is ACTIVE: deactivate it before transferring it"));
            case REVOKED, PENDING_TRANSFER, PENDING_ACTIVATION -> Either.left(new Refusal.CertificateState(
                    certificate.id(), certificate.status(),
                    "A certificate in status " + certificate.status() + " cannot be transferred"));
        };
    }
}
