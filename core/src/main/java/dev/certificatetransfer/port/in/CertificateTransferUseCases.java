package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.TransferMessage;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The inbound port: every operation of the certificate-transfer lifecycle, as HTTP adapters and host applications
 * call them. {@link CertificateTransferService} implements it; a host may decorate it (metrics, tracing, rate
 * limits) or stub it in its own tests.
 *
 * <p>Every method takes an authenticated caller and typed, already parsed input (each typed value's {@code parse}
 * turns untrusted text into the value or an INVALID_REQUEST refusal). Business outcomes are never exceptions:
 * each method returns the result or a {@link Refusal}, found by the checks of docs/behaviour.md in this order:
 * input (INVALID_REQUEST), the Authorizer (UNAUTHORIZED), visibility (NOT_FOUND: a caller never learns that a
 * certificate it cannot see exists), the role rule (UNAUTHORIZED), the state rules. Any call that writes may also
 * answer THROTTLED when it kept losing the compare-and-set race; it then wrote nothing. A refused call never
 * changes anything and publishes no event. Exceptions mean a bug or broken infrastructure, and propagate.
 *
 * <p>Transfer expiry (ours, off by default; the service's {@code TransferExpiry}): a pending transfer whose
 * time-to-live has run out by the clock ({@code transferDate + ttl}, that instant included) is seen by every
 * operation as if the system had cancelled it at that moment: {@code INACTIVE}, with the source, its transfer data
 * keeping the message and transfer date. Listings apply this without writing. A describe, and a call that writes
 * (even one that is then refused), first records the expiry, the system's own change with its one
 * {@code TransferExpired} event, and then answers from the expired certificate; that is the only write a describe
 * or a refused call can make, and it changes nothing any caller sees. Transfer policy (ours, off by default; the service's {@code TransferRule}): which accounts may
 * send certificates to which.
 */
public interface CertificateTransferUseCases {

    /** The region this deployment serves; it appears in every ARN. */
    Region region();

    /**
     * CancelCertificateTransfer: the source withdraws its pending transfer; the certificate stays with it,
     * {@code INACTIVE}, its transfer data keeping the message and transfer date. Refusals: UNAUTHORIZED
     * (Authorizer); NOT_FOUND (the caller is neither owner, pending target, nor a party of the last transfer);
     * UNAUTHORIZED (the target tried); TRANSFER_ALREADY_COMPLETED (nothing pending and the last transfer completed,
     * including by a race won a moment earlier, or expired: "the transfer expired"); INVALID_REQUEST (never
     * transferred); THROTTLED.
     *
     * @return the certificate after the cancellation
     */
    Either<Refusal, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id);

    /**
     * TransferCertificate: the owner offers an {@code INACTIVE} or {@code REGISTER_INACTIVE} certificate to another
     * account; it becomes {@code PENDING_TRANSFER}. Refusals: UNAUTHORIZED (Authorizer); NOT_FOUND; UNAUTHORIZED
     * (not the owner); INVALID_REQUEST (the target is the owner); CERTIFICATE_STATE (any other status);
     * TRANSFER_CONFLICT (policies or things attached); UNAUTHORIZED (the TransferRule refuses this source for this
     * target: "the target account does not accept transfers from this account", asked after the state rules);
     * THROTTLED. A certificate whose transfer expired is {@code INACTIVE} and may be transferred again.
     *
     * @return the pending certificate and its ARN under the target account
     */
    Either<Refusal, TransferCertificateResult> transferCertificate(Principal caller, CertificateId id, AccountId target,
            Option<TransferMessage> message);

    /**
     * TransferCertificate with the transfer message as the host received it: parsed first (INVALID_REQUEST if it is
     * not a valid message, before anything else is asked), then as {@link #transferCertificate(Principal,
     * CertificateId, AccountId, Option)}.
     *
     * @param message the message as received, to be parsed by {@link TransferMessage#parse}
     * @return the pending certificate and its ARN under the target account, or the first refusal
     */
    default Either<Refusal, TransferCertificateResult> transferCertificate(Principal caller, CertificateId id,
            AccountId target, String message) {
        return TransferMessage.parse(message)
                .flatMap(parsed -> transferCertificate(caller, id, target, Option.some(parsed)));
    }

    /**
     * AcceptCertificateTransfer: the target takes ownership, {@code ACTIVE} if {@code setAsActive}, else
     * {@code INACTIVE}; the source becomes the previous owner. Refusals: UNAUTHORIZED (Authorizer); NOT_FOUND;
     * UNAUTHORIZED (the owner tried, while pending); TRANSFER_ALREADY_COMPLETED (nothing pending, last transfer
     * completed, or expired: "the transfer expired"); INVALID_REQUEST (never transferred); THROTTLED.
     *
     * @return the certificate after the acceptance
     */
    Either<Refusal, Certificate> acceptCertificateTransfer(Principal caller, CertificateId id, boolean setAsActive);

    /**
     * RejectCertificateTransfer: the target refuses; the certificate stays with the source, {@code INACTIVE}, with
     * the reason and reject date in its transfer data. Refusals: as for accept.
     *
     * @return the certificate after the rejection
     */
    Either<Refusal, Certificate> rejectCertificateTransfer(Principal caller, CertificateId id,
            Option<RejectReason> reason);

    /**
     * DescribeCertificate: the owner, or the target of a pending transfer, reads the certificate; a transfer found
     * expired is recorded first (see above). Refusals: UNAUTHORIZED (Authorizer); NOT_FOUND (including the
     * target of a transfer that expired).
     */
    Either<Refusal, Certificate> describeCertificate(Principal caller, CertificateId id);

    /**
     * UpdateCertificate: the owner sets a new status; asking for the current one succeeds and changes nothing.
     * Refusals: INVALID_REQUEST ({@code PENDING_TRANSFER} or {@code PENDING_ACTIVATION} asked); UNAUTHORIZED
     * (Authorizer); NOT_FOUND; UNAUTHORIZED (not the owner); CERTIFICATE_STATE (pending transfer; or revoked and
     * another status asked: revocation is final); THROTTLED.
     *
     * @return the certificate after the update
     */
    Either<Refusal, Certificate> updateCertificate(Principal caller, CertificateId id, CertificateStatus newStatus);

    /**
     * DeleteCertificate: the owner removes the certificate. Refusals: UNAUTHORIZED (Authorizer); NOT_FOUND;
     * UNAUTHORIZED (not the owner); CERTIFICATE_STATE ({@code ACTIVE} or {@code PENDING_TRANSFER}); DELETE_CONFLICT
     * (a thing attached, even with {@code forceDelete}; else a policy attached without it); THROTTLED.
     *
     * @return the id of the deleted certificate
     */
    Either<Refusal, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete);

    /**
     * ListCertificates: one page of the certificates the caller owns and those pending transfer to it (not those
     * whose transfer to it expired), newest first unless ascending. Refusal: UNAUTHORIZED (Authorizer, asked about resource {@code *}). Page size and marker
     * are typed ({@link PageSize#parse}, {@link PageMarker#parse}).
     */
    Either<Refusal, Page<Certificate>> listCertificates(Principal caller, PageRequest request);

    /**
     * ListOutgoingCertificates: one page of the caller's certificates that are {@code PENDING_TRANSFER} (an expired
     * transfer is not pending); each one's
     * pending transfer gives transferredTo, transferDate and transferMessage. Refusal: UNAUTHORIZED (Authorizer).
     */
    Either<Refusal, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request);

    /**
     * RegisterCertificateWithoutCA: the caller registers a certificate it will own, in {@code SNI_ONLY} mode, with
     * the given status ({@code INACTIVE} is AWS's default). Refusals: INVALID_REQUEST (status
     * {@code PENDING_TRANSFER} or {@code PENDING_ACTIVATION}); UNAUTHORIZED (Authorizer, asked about the new
     * certificate's ARN under the caller); ALREADY_EXISTS (the id is registered, by any account); THROTTLED.
     * An unparsable PEM never gets here: {@code CertificatePem.parse} answers CERTIFICATE_VALIDATION.
     *
     * @return the registered certificate and its ARN
     */
    Either<Refusal, RegisterCertificateResult> registerCertificateWithoutCa(Principal caller, ParsedCertificate certificate,
            CertificateStatus status);
}
