package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.TransferMessage;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Objects;

/**
 * The inbound port: every operation of the certificate-transfer lifecycle, as HTTP adapters and host applications
 * call them. {@code CertificateTransferService} implements it; a host may decorate it (metrics, tracing, rate
 * limits) or stub it in its own tests.
 *
 * <p>Every method takes an authenticated caller and typed, already parsed input (each typed value's {@code parse}
 * turns untrusted text into the value or an INVALID_REQUEST refusal). It returns the result or the first
 * {@link Refusal} of its checks, in the order of docs/behaviour.md, section 3; each operation's checks, answers and
 * event are in its own part of section 4, and the optional transfer rules (expiry, who may send to whom) in section
 * 14. A refused call changes nothing and publishes no event. Business outcomes are never exceptions: an exception
 * means a bug or broken infrastructure, and propagates.
 *
 * <p>No argument may be {@code null} and no method returns {@code null}. {@code CertificateTransferService} may be
 * called from any number of threads at once (when its ports may); concurrent writes on one certificate behave as
 * if they ran one after the other (docs/behaviour.md, section 8).
 */
public interface CertificateTransferUseCases {

    /**
     * The region this deployment serves; it appears in every ARN.
     *
     * @return the region, the same on every call
     */
    Region region();

    /**
     * CancelCertificateTransfer: the source withdraws its pending transfer (docs/behaviour.md, section 4,
     * "CancelCertificateTransfer").
     *
     * @param caller the authenticated caller, the source of the pending transfer
     * @param id the certificate
     * @return the certificate after the cancellation, or the first refusal
     */
    Either<Refusal, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id);

    /**
     * TransferCertificate: the owner offers the certificate to another account (docs/behaviour.md, section 4,
     * "TransferCertificate"); the transfer rule the host configured is asked last (section 14).
     *
     * @param caller the authenticated caller, the owner
     * @param id the certificate
     * @param target the account the certificate is offered to
     * @param message the transfer message, or none
     * @return the pending certificate and its ARN under the target account, or the first refusal
     */
    Either<Refusal, TransferCertificateResult> transferCertificate(
            Principal caller, CertificateId id, AccountId target, Option<TransferMessage> message);

    /**
     * TransferCertificate with the transfer message as the host received it: parsed first (INVALID_REQUEST if it is
     * not a valid message, before anything else is asked), then as {@link #transferCertificate(Principal,
     * CertificateId, AccountId, Option)}.
     *
     * @param caller the authenticated caller, the owner
     * @param id the certificate
     * @param target the account the certificate is offered to
     * @param message the message as received, to be parsed by {@link TransferMessage#parse}; not {@code null}: a
     *        transfer without a message passes {@code Option.none()} to the other overload
     * @return the pending certificate and its ARN under the target account, or the first refusal
     * @throws NullPointerException if {@code message} is {@code null}
     */
    default Either<Refusal, TransferCertificateResult> transferCertificate(
            Principal caller, CertificateId id, AccountId target, String message) {
        Objects.requireNonNull(message, "message: a transfer without a message passes Option.none()");
        return TransferMessage.parse(message)
                .flatMap(parsed -> transferCertificate(caller, id, target, Option.some(parsed)));
    }

    /**
     * AcceptCertificateTransfer: the target takes ownership, {@code ACTIVE} if {@code setAsActive}, else
     * {@code INACTIVE} (docs/behaviour.md, section 4, "AcceptCertificateTransfer").
     *
     * @param caller the authenticated caller, the target of the pending transfer
     * @param id the certificate
     * @param setAsActive whether the certificate becomes {@code ACTIVE} rather than {@code INACTIVE}
     * @return the certificate after the acceptance, or the first refusal
     */
    Either<Refusal, Certificate> acceptCertificateTransfer(Principal caller, CertificateId id, boolean setAsActive);

    /**
     * RejectCertificateTransfer: the target refuses the offer; the certificate stays with the source
     * (docs/behaviour.md, section 4, "RejectCertificateTransfer").
     *
     * @param caller the authenticated caller, the target of the pending transfer
     * @param id the certificate
     * @param reason the reason given to the source, or none
     * @return the certificate after the rejection, or the first refusal
     */
    Either<Refusal, Certificate> rejectCertificateTransfer(
            Principal caller, CertificateId id, Option<RejectReason> reason);

    /**
     * RejectCertificateTransfer with the reason as the host received it: parsed first (INVALID_REQUEST if it is not
     * a valid reason, before anything else is asked), then as {@link #rejectCertificateTransfer(Principal,
     * CertificateId, Option)}.
     *
     * @param caller the authenticated caller, the target of the pending transfer
     * @param id the certificate
     * @param reason the reason as received, to be parsed by {@link RejectReason#parse}; not {@code null}: a
     *        rejection without a reason passes {@code Option.none()} to the other overload
     * @return the certificate after the rejection, or the first refusal
     * @throws NullPointerException if {@code reason} is {@code null}
     */
    default Either<Refusal, Certificate> rejectCertificateTransfer(Principal caller, CertificateId id, String reason) {
        Objects.requireNonNull(reason, "reason: a rejection without a reason passes Option.none()");
        return RejectReason.parse(reason).flatMap(parsed -> rejectCertificateTransfer(caller, id, Option.some(parsed)));
    }

    /**
     * DescribeCertificate: the owner, or the target of a pending transfer, reads the certificate
     * (docs/behaviour.md, section 4, "DescribeCertificate"). With transfer expiry on, a describe that finds the
     * transfer expired records that expiry first (section 14).
     *
     * @param caller the authenticated caller, the owner or the target of a pending transfer
     * @param id the certificate
     * @return the certificate as the caller may see it now, or the first refusal
     */
    Either<Refusal, Certificate> describeCertificate(Principal caller, CertificateId id);

    /**
     * UpdateCertificate: the owner sets a new status; asking for the current one changes nothing
     * (docs/behaviour.md, section 4, "UpdateCertificate").
     *
     * @param caller the authenticated caller, the owner
     * @param id the certificate
     * @param newStatus the status asked for; {@code PENDING_TRANSFER} and {@code PENDING_ACTIVATION} are refused
     * @return the certificate after the update, or the first refusal
     */
    Either<Refusal, Certificate> updateCertificate(Principal caller, CertificateId id, CertificateStatus newStatus);

    /**
     * DeleteCertificate: the owner removes the certificate (docs/behaviour.md, section 4, "DeleteCertificate"); the
     * id keeps its version as a tombstone (section 7).
     *
     * @param caller the authenticated caller, the owner
     * @param id the certificate
     * @param forceDelete whether attached policies are no obstacle (attached things still are; section 11)
     * @return the id of the deleted certificate, or the first refusal
     */
    Either<Refusal, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete);

    /**
     * ListCertificates: one page of the certificates the caller owns and those pending transfer to it
     * (docs/behaviour.md, section 4, "ListCertificates", and section 12 for pages and markers).
     *
     * @param caller the authenticated caller
     * @param request the page size, where to continue, and the order
     * @return the page, or the first refusal
     */
    Either<Refusal, Page<Certificate>> listCertificates(Principal caller, PageRequest request);

    /**
     * ListOutgoingCertificates: one page of the caller's certificates that are pending transfer
     * (docs/behaviour.md, section 4, "ListOutgoingCertificates", and section 12 for pages and markers).
     *
     * @param caller the authenticated caller
     * @param request the page size, where to continue, and the order
     * @return the page, or the first refusal
     */
    Either<Refusal, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request);

    /**
     * RegisterCertificateWithoutCA: the caller registers a certificate it will own, with the given status
     * (docs/behaviour.md, section 4, "RegisterCertificateWithoutCA"). The PEM was parsed by
     * {@code CertificatePem.parse}, which answers CERTIFICATE_VALIDATION for one that is not a certificate.
     *
     * @param caller the authenticated caller, who becomes the owner
     * @param certificate the certificate, as {@link dev.certificatetransfer.domain.CertificatePem#parse} read it
     * @param status the status to register it with; {@code PENDING_TRANSFER} and {@code PENDING_ACTIVATION} are
     *        refused
     * @return the registered certificate and its ARN, or the first refusal
     */
    Either<Refusal, RegisterCertificateResult> registerCertificateWithoutCa(
            Principal caller, ParsedCertificate certificate, CertificateStatus status);

    /**
     * CreateKeysAndCertificate: the deployment's CA issues a certificate for a new RSA 2048 key pair, registered to
     * the caller in mode {@code DEFAULT}, {@code ACTIVE} if {@code setAsActive}, else {@code INACTIVE}
     * (docs/behaviour.md#16-certificates-the-deployment-issues). The private key is in the result only.
     *
     * @param caller the authenticated caller, who becomes the owner
     * @param setAsActive whether the certificate starts {@code ACTIVE}
     * @return the certificate, its ARN and the key pair; or the first refusal (INVALID_REQUEST when the deployment
     *     has no CA, LIMIT_EXCEEDED past the account's quota)
     */
    Either<Refusal, CreateKeysAndCertificateResult> createKeysAndCertificate(Principal caller, boolean setAsActive);

    /**
     * CreateCertificateFromCsr: the deployment's CA issues a certificate for the public key of a PKCS#10 request,
     * registered to the caller like {@link #createKeysAndCertificate}
     * (docs/behaviour.md#16-certificates-the-deployment-issues).
     *
     * @param caller the authenticated caller, who becomes the owner
     * @param csrPem the request, PEM
     * @param setAsActive whether the certificate starts {@code ACTIVE}
     * @return the certificate and its ARN; or the first refusal (INVALID_REQUEST for a request the CA does not sign)
     */
    Either<Refusal, RegisterCertificateResult> createCertificateFromCsr(
            Principal caller, String csrPem, boolean setAsActive);

    /**
     * CreateThing: a thing in the caller's account; the same name with the same attributes answers the thing as it
     * is (docs/behaviour.md#17-things-policies-and-attachments).
     *
     * @param caller the authenticated caller
     * @param name the thing's name
     * @param attributes its attributes
     * @return the thing, or the first refusal (ALREADY_EXISTS with other attributes)
     */
    Either<Refusal, Thing> createThing(Principal caller, ThingName name, ThingAttributes attributes);

    /**
     * DescribeThing: the caller's thing of that name.
     *
     * @param caller the authenticated caller
     * @param name the thing's name
     * @return the thing, or NOT_FOUND
     */
    Either<Refusal, Thing> describeThing(Principal caller, ThingName name);

    /**
     * DeleteThing: removes the caller's thing (docs/behaviour.md#17-things-policies-and-attachments).
     *
     * @param caller the authenticated caller
     * @param name the thing's name
     * @param expectedVersion the version the caller expects it at, if any
     * @return the deleted thing, or the first refusal (NOT_FOUND; VERSION_CONFLICT; INVALID_REQUEST while
     *     certificates are attached)
     */
    Either<Refusal, Thing> deleteThing(Principal caller, ThingName name, Option<Long> expectedVersion);

    /**
     * CreatePolicy: a policy in the caller's account (docs/behaviour.md#17-things-policies-and-attachments).
     *
     * @param caller the authenticated caller
     * @param name the policy's name
     * @param document its document, as {@link dev.certificatetransfer.domain.PolicyDocument#parse} checked it
     * @return the policy, or the first refusal (ALREADY_EXISTS)
     */
    Either<Refusal, IotPolicy> createPolicy(Principal caller, PolicyName name, PolicyDocument document);

    /**
     * GetPolicy: the caller's policy of that name.
     *
     * @param caller the authenticated caller
     * @param name the policy's name
     * @return the policy, or NOT_FOUND
     */
    Either<Refusal, IotPolicy> getPolicy(Principal caller, PolicyName name);

    /**
     * DeletePolicy: removes the caller's policy unless it is attached.
     *
     * @param caller the authenticated caller
     * @param name the policy's name
     * @return the deleted policy, or the first refusal (NOT_FOUND; DELETE_CONFLICT while attached)
     */
    Either<Refusal, IotPolicy> deletePolicy(Principal caller, PolicyName name);

    /**
     * AttachPolicy: attaches the caller's policy to the caller's certificate; attaching it again changes nothing
     * (docs/behaviour.md#17-things-policies-and-attachments).
     *
     * @param caller the authenticated caller
     * @param policy the policy's name
     * @param target the certificate's ARN
     * @return the certificate after the attach, or the first refusal (NOT_FOUND for the policy or the certificate;
     *     INVALID_REQUEST while it is pending transfer; LIMIT_EXCEEDED)
     */
    Either<Refusal, Certificate> attachPolicy(Principal caller, PolicyName policy, CertificateArn target);

    /**
     * DetachPolicy: detaches the caller's policy from the caller's certificate; detaching what is not attached
     * changes nothing.
     *
     * @param caller the authenticated caller
     * @param policy the policy's name
     * @param target the certificate's ARN
     * @return the certificate after the detach, or NOT_FOUND for the policy or the certificate
     */
    Either<Refusal, Certificate> detachPolicy(Principal caller, PolicyName policy, CertificateArn target);

    /**
     * ListAttachedPolicies: one page of the policies attached to the caller's certificate, by name.
     *
     * @param caller the authenticated caller
     * @param target the certificate's ARN
     * @param request the page size and where to continue
     * @return the page of the policies' ARNs, or NOT_FOUND for the certificate
     */
    Either<Refusal, NamePage<PolicyArn>> listAttachedPolicies(
            Principal caller, CertificateArn target, NamePageRequest request);

    /**
     * ListTargetsForPolicy: one page of the certificates the caller's policy is attached to, by id.
     *
     * @param caller the authenticated caller
     * @param policy the policy's name
     * @param request the page size and where to continue
     * @return the page of certificate ARNs, or NOT_FOUND for the policy
     */
    Either<Refusal, NamePage<CertificateArn>> listTargetsForPolicy(
            Principal caller, PolicyName policy, NamePageRequest request);

    /**
     * AttachThingPrincipal: attaches the caller's certificate to the caller's thing; attaching it again changes
     * nothing (docs/behaviour.md#17-things-policies-and-attachments).
     *
     * @param caller the authenticated caller
     * @param thing the thing's name
     * @param principal the certificate's ARN
     * @return the certificate after the attach, or the first refusal (NOT_FOUND for the thing or the certificate;
     *     INVALID_REQUEST while it is pending transfer; LIMIT_EXCEEDED)
     */
    Either<Refusal, Certificate> attachThingPrincipal(Principal caller, ThingName thing, CertificateArn principal);

    /**
     * DetachThingPrincipal: detaches the caller's certificate from the caller's thing; detaching what is not
     * attached changes nothing.
     *
     * @param caller the authenticated caller
     * @param thing the thing's name
     * @param principal the certificate's ARN
     * @return the certificate after the detach, or NOT_FOUND for the thing or the certificate
     */
    Either<Refusal, Certificate> detachThingPrincipal(Principal caller, ThingName thing, CertificateArn principal);

    /**
     * ListPrincipalThings: one page of the things the caller's certificate is attached to, by name.
     *
     * @param caller the authenticated caller
     * @param principal the certificate's ARN
     * @param request the page size and where to continue
     * @return the page of thing names, or NOT_FOUND for the certificate
     */
    Either<Refusal, NamePage<ThingName>> listPrincipalThings(
            Principal caller, CertificateArn principal, NamePageRequest request);

    /**
     * ListThingPrincipals: one page of the certificates attached to the caller's thing, by id.
     *
     * @param caller the authenticated caller
     * @param thing the thing's name
     * @param request the page size and where to continue
     * @return the page of certificate ARNs, or NOT_FOUND for the thing
     */
    Either<Refusal, NamePage<CertificateArn>> listThingPrincipals(
            Principal caller, ThingName thing, NamePageRequest request);
}
