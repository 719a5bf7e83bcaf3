package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountQuota;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateAttachments;
import dev.certificatetransfer.domain.CertificateEvent.CertificateDeleted;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * A certificate's own lifecycle, in one place: for RegisterCertificateWithoutCA, DescribeCertificate,
 * UpdateCertificate and DeleteCertificate, the decision (the checks in the order of docs/behaviour.md, section 3,
 * after the input and the Authorizer, and the event it produces) and the state change that event
 * makes. All pure functions.
 */
public final class CertificateRules {

    private CertificateRules() {}

    /**
     * Input rule: a caller may ask for any status but {@code PENDING_TRANSFER} and {@code PENDING_ACTIVATION}; asking
     * for one of those is INVALID_REQUEST.
     */
    public static Either<Refusal, CertificateStatus> requestable(CertificateStatus status) {
        return status.isRequestable()
                ? Either.right(status)
                : Either.left(new Refusal.InvalidRequest("The status " + status + " cannot be requested"));
    }

    /**
     * RegisterCertificateWithoutCA ({@code SNI_ONLY} mode), CreateKeysAndCertificate and CreateCertificateFromCsr
     * ({@code DEFAULT} mode, docs/behaviour.md#16-certificates-the-deployment-issues): the caller owns the new
     * certificate, at
     * {@code nextVersion}, the one after the id's stored version (so a re-registration never reuses a version).
     * {@code usage} (what the caller's account owns) is asked only when the quota limits something and every other
     * check passed. Precondition: {@code status} is {@link #requestable}.
     */
    public static Either<Refusal, CertificateRegistered> register(
            Option<Certificate> current,
            long nextVersion,
            ParsedCertificate parsed,
            Principal caller,
            CertificateMode mode,
            CertificateStatus status,
            AccountQuota quota,
            Lazy<AccountUsage> usage,
            Instant at) {
        requireRequestable(status);
        if (current.isDefined()) {
            return Either.left(new Refusal.AlreadyExists(parsed.id()));
        }
        return withinQuota(quota, parsed.pem(), usage)
                .map(pem -> new CertificateRegistered(
                        parsed.id(), caller, pem, parsed.validity(), mode, status, at, nextVersion));
    }

    /**
     * The quota rule (docs/behaviour.md#15-account-quotas), the last check of a registration and of an acceptance:
     * LIMIT_EXCEEDED if the account, owning {@code usage}, would pass a limit of the quota by owning one more
     * certificate of this PEM. {@code usage} is not asked when the quota limits nothing.
     */
    static Either<Refusal, CertificatePem> withinQuota(
            AccountQuota quota, CertificatePem pem, Lazy<AccountUsage> usage) {
        if (quota.isUnlimited()) {
            return Either.right(pem);
        }
        var owned = usage.get();
        long bytes = pem.value().length();
        return belowCertificateLimit(quota, owned)
                .flatMap(room -> bytes > quota.maxPemBytes() - owned.pemBytes()
                        ? Either.left(new Refusal.LimitExceeded("The account's certificates hold " + owned.pemBytes()
                                + " bytes of PEM; " + bytes + " more would pass its quota of " + quota.maxPemBytes()
                                + " bytes"))
                        : Either.right(pem));
    }

    /**
     * The quota rule asked before the deployment's CA issues (CreateKeysAndCertificate, CreateCertificateFromCsr),
     * so that a refused call costs no key pair or signature: LIMIT_EXCEEDED when the account owns as many
     * certificates as its quota allows, or as many bytes of PEM. The registration asks {@link #withinQuota} again
     * with the issued PEM. {@code usage} is not asked when the quota limits nothing.
     */
    public static Either<Refusal, AccountQuota> roomToIssue(AccountQuota quota, Lazy<AccountUsage> usage) {
        if (quota.isUnlimited()) {
            return Either.right(quota);
        }
        var owned = usage.get();
        return belowCertificateLimit(quota, owned)
                .flatMap(room -> owned.pemBytes() >= quota.maxPemBytes()
                        ? Either.left(new Refusal.LimitExceeded("The account's certificates hold " + owned.pemBytes()
                                + " bytes of PEM, its quota; delete one before adding another"))
                        : Either.right(quota));
    }

    private static Either<Refusal, AccountQuota> belowCertificateLimit(AccountQuota quota, AccountUsage owned) {
        return owned.certificates() >= quota.maxCertificates()
                ? Either.left(new Refusal.LimitExceeded("The account's quota is " + quota.maxCertificates()
                        + " certificate(s) and it owns " + owned.certificates() + "; delete one before adding another"))
                : Either.right(quota);
    }

    /** The state change of a registration: a new certificate, customer version 1. */
    public static Certificate registered(Option<Certificate> state, CertificateRegistered e) {
        if (state.isDefined()) {
            throw new IllegalStateException("certificate " + e.certificateId() + " is registered already");
        }
        return new Certificate(
                e.certificateId(),
                e.pem(),
                e.validity(),
                e.mode(),
                e.actor().account(),
                Option.none(),
                e.status(),
                Option.none(),
                e.at(),
                e.at(),
                1,
                e.version(),
                CertificateAttachments.NONE);
    }

    /** DescribeCertificate: the certificate, if the caller may see it; it changes nothing. */
    public static Either<Refusal, Certificate> describe(
            Option<Certificate> current, CertificateId id, AccountId caller) {
        return TransferRules.visibleTo(current, id, caller);
    }

    /**
     * UpdateCertificate: the owner sets a new status; asking for the current one changes nothing, so the result
     * holds no event. Precondition: {@code newStatus} is {@link #requestable}.
     */
    public static Either<Refusal, Option<CertificateStatusChanged>> update(
            Option<Certificate> current, CertificateId id, Principal caller, CertificateStatus newStatus, Instant at) {
        requireRequestable(newStatus);
        return TransferRules.visibleTo(current, id, caller.account())
                .flatMap(c -> TransferRules.ownedBy(c, caller.account(), IotAction.UPDATE_CERTIFICATE))
                .flatMap(c -> updatable(c, newStatus))
                .map(c -> c.status() == newStatus
                        ? Option.none()
                        : Option.some(
                                new CertificateStatusChanged(id, caller, c.status(), newStatus, at, c.nextVersion())));
    }

    /** The state change of a status update. */
    public static Certificate statusChanged(Certificate c, CertificateStatusChanged e) {
        return c.evolve(c.owner(), c.previousOwner(), e.to(), c.lastTransfer(), e);
    }

    /**
     * DeleteCertificate: the owner removes a certificate that is neither {@code ACTIVE} nor {@code PENDING_TRANSFER}.
     * {@code attachments} is asked only once the checks before it pass.
     */
    public static Either<Refusal, CertificateDeleted> delete(
            Option<Certificate> current,
            CertificateId id,
            Principal caller,
            boolean forceDelete,
            Lazy<Attachments> attachments,
            Instant at) {
        return TransferRules.visibleTo(current, id, caller.account())
                .flatMap(c -> TransferRules.ownedBy(c, caller.account(), IotAction.DELETE_CERTIFICATE))
                .flatMap(CertificateRules::deletable)
                .flatMap(c -> detached(c, forceDelete, attachments.get()))
                .map(c -> new CertificateDeleted(id, caller, c.status(), at, c.nextVersion()));
    }

    /** The state change of a deletion: nothing is left (storage keeps the version as a tombstone). */
    public static Option<Certificate> deleted(Certificate c, CertificateDeleted e) {
        if (e.version() != c.nextVersion()) {
            throw new IllegalStateException("deletion of version " + e.version() + " does not follow version "
                    + c.version() + " of certificate " + c.id());
        }
        return Option.none();
    }

    private static Either<Refusal, Certificate> updatable(Certificate c, CertificateStatus newStatus) {
        if (c.status() == CertificateStatus.PENDING_TRANSFER) {
            return Either.left(new Refusal.CertificateState(
                    c.id(),
                    c.status(),
                    "The certificate is pending transfer: cancel or complete the transfer before updating it"));
        }
        if (c.status() == CertificateStatus.REVOKED && newStatus != CertificateStatus.REVOKED) {
            return Either.left(new Refusal.CertificateState(
                    c.id(), c.status(), "The certificate is revoked, and revocation is final"));
        }
        return Either.right(c);
    }

    private static Either<Refusal, Certificate> deletable(Certificate c) {
        return switch (c.status()) {
            case ACTIVE ->
                Either.left(new Refusal.CertificateState(
                        c.id(),
                        c.status(),
                        "Certificate must be deactivated (not ACTIVE) before deletion. Id: " + c.id()));
            case PENDING_TRANSFER ->
                Either.left(new Refusal.CertificateState(
                        c.id(),
                        c.status(),
                        "The certificate is pending transfer: cancel or complete the transfer before deleting it"));
            case INACTIVE, REVOKED, REGISTER_INACTIVE, PENDING_ACTIVATION -> Either.right(c);
        };
    }

    /**
     * DELETE_CONFLICT while a thing is attached, or a policy without forceDelete, in the registry or as the host's
     * attachment query reports; with forceDelete the deletion detaches the registry's policies.
     */
    private static Either<Refusal, Certificate> detached(
            Certificate c, boolean forceDelete, Attachments hostAttachments) {
        var attachments = c.attachments().counts().plus(hostAttachments);
        if (attachments.hasThings()) {
            return Either.left(new Refusal.DeleteConflict(
                    c.id(), "Things are attached to the certificate " + c.id() + "; detach them before deleting it"));
        }
        if (attachments.hasPolicies() && !forceDelete) {
            return Either.left(new Refusal.DeleteConflict(
                    c.id(), "Policies are attached to the certificate " + c.id() + "; detach them or use forceDelete"));
        }
        return Either.right(c);
    }

    private static void requireRequestable(CertificateStatus status) {
        if (!status.isRequestable()) {
            throw new IllegalArgumentException(status + " cannot be requested; validate input first");
        }
    }
}
