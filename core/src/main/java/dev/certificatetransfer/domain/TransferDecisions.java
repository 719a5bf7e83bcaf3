package dev.certificatetransfer.domain;

import dev.certificatetransfer.domain.CertificateEvent.TransferAccepted;
import dev.certificatetransfer.domain.CertificateEvent.TransferCancelled;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The pure decisions of the transfer lifecycle: given the current state and a request, either the rejection
 * the spec gives or the one event that the change makes. Checks run in the spec's order: visibility, role, state.
 */
public final class TransferDecisions {

    private TransferDecisions() {
    }

    /**
     * TransferCertificate: the owner opens a transfer of an {@code INACTIVE} or {@code REGISTER_INACTIVE}
     * certificate to another account.
     * Its rejections, in order: docs/behaviour.md, and the inbound port {@code CertificateTransfers}.
     */
    public static Either<Rejection, TransferRequested> transfer(Option<Certificate> current, CertificateId id,
            AccountId caller, AccountId target, Option<TransferMessage> message, Lazy<Attachments> attachments,
            Instant at) {
        return Visibility.visibleTo(current, id, caller)
                .flatMap(c -> Roles.onlyOwner(c, caller, IotAction.TRANSFER_CERTIFICATE))
                .flatMap(c -> notToItself(c, target))
                .flatMap(TransferDecisions::transferable)
                .flatMap(c -> detached(c, attachments.get()))
                .map(c -> new TransferRequested(id, caller, target, message, c.status(), at, c.nextVersion()));
    }

    /**
     * AcceptCertificateTransfer: the target takes ownership; the certificate becomes {@code ACTIVE} when
     * {@code setAsActive}, else {@code INACTIVE}.
     * Its rejections, in order: docs/behaviour.md, and the inbound port {@code CertificateTransfers}.
     */
    public static Either<Rejection, TransferAccepted> accept(Option<Certificate> current, CertificateId id,
            AccountId caller, boolean setAsActive, Instant at) {
        var to = setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlyTargetAccepts(pending, caller))
                        .map(pending -> new TransferAccepted(id, caller, pending.source(), to, at, c.nextVersion())));
    }

    /**
     * RejectCertificateTransfer: the target refuses; the certificate stays with the source as {@code INACTIVE}.
     * Its rejections, in order: docs/behaviour.md, and the inbound port {@code CertificateTransfers}.
     */
    public static Either<Rejection, TransferRejected> reject(Option<Certificate> current, CertificateId id,
            AccountId caller, Option<RejectReason> reason, Instant at) {
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlyTargetRejects(pending, caller))
                        .map(pending -> new TransferRejected(id, caller, pending.source(), reason, at, c.nextVersion())));
    }

    /**
     * CancelCertificateTransfer: the source withdraws its pending transfer; the certificate stays with it as
     * {@code INACTIVE}.
     * Its rejections, in order: docs/behaviour.md, and the inbound port {@code CertificateTransfers}.
     */
    public static Either<Rejection, TransferCancelled> cancel(Option<Certificate> current, CertificateId id,
            AccountId caller, Instant at) {
        return Visibility.visibleToTransferParty(current, id, caller)
                .flatMap(c -> pendingTransfer(c)
                        .flatMap(pending -> Roles.onlySourceCancels(pending, caller))
                        .map(pending -> new TransferCancelled(id, caller, pending.target(), at, c.nextVersion())));
    }

    /**
     * Rule "completed": accept, reject or cancel on a certificate that is not {@code PENDING_TRANSFER} answer
     * TransferAlreadyCompleted (410) if it has a completed transfer, and InvalidRequest (400, ours) if it was
     * never transferred.
     */
    public static Rejection completedTransfer(Certificate certificate) {
        return certificate.lastTransfer()
                .<Rejection>map(t -> new Rejection.TransferAlreadyCompleted(certificate.id(), t.status()))
                .getOrElse(() -> new Rejection.InvalidRequest(
                        "The certificate " + certificate.id() + " has never been transferred"));
    }

    private static Either<Rejection, Transfer.Pending> pendingTransfer(Certificate certificate) {
        var pending = certificate.pendingTransfer();
        return pending.isDefined() ? Either.right(pending.get()) : Either.left(completedTransfer(certificate));
    }

    private static Either<Rejection, Certificate> notToItself(Certificate certificate, AccountId target) {
        return certificate.owner().equals(target)
                ? Either.left(new Rejection.InvalidRequest("targetAwsAccount must differ from the owner's account"))
                : Either.right(certificate);
    }

    private static Either<Rejection, Certificate> detached(Certificate certificate, Attachments attachments) {
        return attachments.hasPolicies() || attachments.hasThings()
                ? Either.left(new Rejection.TransferConflict(certificate.id()))
                : Either.right(certificate);
    }

    private static Either<Rejection, Certificate> transferable(Certificate certificate) {
        return switch (certificate.status()) {
            case INACTIVE, REGISTER_INACTIVE -> Either.right(certificate);
            case ACTIVE -> Either.left(new Rejection.InvalidState(certificate.id(), certificate.status(),
                    "The certificate is ACTIVE: deactivate it before transferring it"));
            case REVOKED, PENDING_TRANSFER, PENDING_ACTIVATION -> Either.left(new Rejection.InvalidState(
                    certificate.id(), certificate.status(),
                    "A certificate in status " + certificate.status() + " cannot be transferred"));
        };
    }
}
