package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The pure decisions of a certificate's own lifecycle: register, update status, delete. Each returns the
 * refusal the spec gives or the event of the change.
 */
public final class CertificateRules {

    private CertificateRules() {
    }

    /**
     * RegisterCertificateWithoutCA: the caller owns the new certificate, in {@code SNI_ONLY} mode, at
     * {@code nextVersion}, the one after the id's stored version (so a re-registration never reuses a version). Precondition: {@code status} is
     * requestable.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, CertificateRegistered> register(Option<Certificate> current, long nextVersion,
            ParsedCertificate parsed, AccountId caller, CertificateStatus status, Instant at) {
        requireRequestable(status);
        return current.isDefined()
                ? Either.left(new Refusal.AlreadyExists(parsed.id()))
                : Either.right(new CertificateRegistered(parsed.id(), caller, parsed.pem(), parsed.validity(),
                        CertificateMode.SNI_ONLY, status, at, nextVersion));
    }

    /**
     * UpdateCertificate: the owner sets a new status; asking for the current one changes nothing (AWS), so the
     * result holds no event. Precondition: {@code newStatus} is requestable.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, Option<CertificateStatusChanged>> updateStatus(Option<Certificate> current,
            CertificateId id, AccountId caller, CertificateStatus newStatus, Instant at) {
        requireRequestable(newStatus);
        return Visibility.visibleTo(current, id, caller)
                .flatMap(c -> Roles.onlyOwner(c, caller, IotAction.UPDATE_CERTIFICATE))
                .flatMap(c -> updatable(c, newStatus))
                .map(c -> c.status() == newStatus
                        ? Option.none()
                        : Option.some(new CertificateStatusChanged(id, caller, c.status(), newStatus, at,
                                c.nextVersion())));
    }

    /**
     * DeleteCertificate: the owner removes a certificate that is neither {@code ACTIVE} nor
     * {@code PENDING_TRANSFER}.
     * Its refusals, in order: docs/behaviour.md, and the inbound port {@code CertificateTransferUseCases}.
     */
    public static Either<Refusal, CertificateDeleted> delete(Option<Certificate> current, CertificateId id,
            AccountId caller, boolean forceDelete, Lazy<Attachments> attachments, Instant at) {
        return Visibility.visibleTo(current, id, caller)
                .flatMap(c -> Roles.onlyOwner(c, caller, IotAction.DELETE_CERTIFICATE))
                .flatMap(CertificateRules::deletable)
                .flatMap(c -> detached(c, forceDelete, attachments.get()))
                .map(c -> new CertificateDeleted(id, caller, c.status(), at, c.nextVersion()));
    }

    /**
     * Input rule: a caller may ask for any status but {@code PENDING_TRANSFER} and {@code PENDING_ACTIVATION};
     * asking for one of those is an {@link Refusal.InvalidRequest}.
     */
    public static Either<Refusal, CertificateStatus> requestable(CertificateStatus status) {
        return status.isRequestable()
                ? Either.right(status)
                : Either.left(new Refusal.InvalidRequest("The status " + status + " cannot be requested"));
    }

    private static Either<Refusal, Certificate> updatable(Certificate c, CertificateStatus newStatus) {
        if (c.status() == CertificateStatus.PENDING_TRANSFER) {
            return Either.left(new Refusal.CertificateState(c.id(), c.status(),
                    "The certificate is pending transfer: cancel or complete the transfer before updating it"));
        }
        if (c.status() == CertificateStatus.REVOKED && newStatus != CertificateStatus.REVOKED) {
            return Either.left(new Refusal.CertificateState(c.id(), c.status(),
                    "The certificate is revoked, and revocation is final"));
        }
        return Either.right(c);
    }

    private static Either<Refusal, Certificate> deletable(Certificate c) {
        return switch (c.status()) {
            case ACTIVE -> Either.left(new Refusal.CertificateState(c.id(), c.status(),
                    "Certificate must be deactivated (not ACTIVE) before deletion. Id: " + c.id()));
            case PENDING_TRANSFER -> Either.left(new Refusal.CertificateState(c.id(), c.status(),
                    "The certificate is pending transfer: cancel or complete the transfer before deleting it"));
            case INACTIVE, REVOKED, REGISTER_INACTIVE, PENDING_ACTIVATION -> Either.right(c);
        };
    }

    private static Either<Refusal, Certificate> detached(Certificate c, boolean forceDelete, Attachments attachments) {
        if (attachments.hasThings()) {
            return Either.left(new Refusal.DeleteConflict(c.id(),
                    "Things are attached to the certificate " + c.id() + "; detach them before deleting it"));
        }
        if (attachments.hasPolicies() && !forceDelete) {
            return Either.left(new Refusal.DeleteConflict(c.id(),
                    "Policies are attached to the certificate " + c.id() + "; detach them or use forceDelete"));
        }
        return Either.right(c);
    }

    private static void requireRequestable(CertificateStatus status) {
        if (!status.isRequestable()) {
            throw new IllegalArgumentException(status + " cannot be requested; validate input first");
        }
    }
}
