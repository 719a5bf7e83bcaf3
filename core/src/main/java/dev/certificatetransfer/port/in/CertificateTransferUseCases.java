package dev.certificatetransfer.port.in;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import io.vavr.control.Either;
import io.vavr.control.Option;

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
 */
public interface CertificateTransferUseCases {

    /** The region this deployment serves; it appears in every ARN. */
    Region region();

    /**
     * CancelCertificateTransfer: the source withdraws its pending transfer (docs/behaviour.md, section 4,
     * "CancelCertificateTransfer").
     *
     * @return the certificate after the cancellation, or the first refusal
     */
    Either<Refusal, Certificate> cancelCertificateTransfer(Principal caller, CertificateId id);

    /**
     * TransferCertificate: the owner offers the certificate to another account (docs/behaviour.md, section 4,
     * "TransferCertificate").
     *
     * @return the pending certificate and its ARN under the target account, or the first refusal
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
     * {@code INACTIVE} (docs/behaviour.md, section 4, "AcceptCertificateTransfer").
     *
     * @return the certificate after the acceptance, or the first refusal
     */
    Either<Refusal, Certificate> acceptCertificateTransfer(Principal caller, CertificateId id, boolean setAsActive);

    /**
     * RejectCertificateTransfer: the target refuses the offer; the certificate stays with the source
     * (docs/behaviour.md, section 4, "RejectCertificateTransfer").
     *
     * @return the certificate after the rejection, or the first refusal
     */
    Either<Refusal, Certificate> rejectCertificateTransfer(Principal caller, CertificateId id,
            Option<RejectReason> reason);

    /**
     * DescribeCertificate: the owner, or the target of a pending transfer, reads the certificate
     * (docs/behaviour.md, section 4, "DescribeCertificate").
     *
     * @return the certificate as the caller may see it now, or the first refusal
     */
    Either<Refusal, Certificate> describeCertificate(Principal caller, CertificateId id);

    /**
     * UpdateCertificate: the owner sets a new status; asking for the current one changes nothing
     * (docs/behaviour.md, section 4, "UpdateCertificate").
     *
     * @return the certificate after the update, or the first refusal
     */
    Either<Refusal, Certificate> updateCertificate(Principal caller, CertificateId id, CertificateStatus newStatus);

    /**
     * DeleteCertificate: the owner removes the certificate (docs/behaviour.md, section 4, "DeleteCertificate").
     *
     * @return the id of the deleted certificate, or the first refusal
     */
    Either<Refusal, CertificateId> deleteCertificate(Principal caller, CertificateId id, boolean forceDelete);

    /**
     * ListCertificates: one page of the certificates the caller owns and those pending transfer to it
     * (docs/behaviour.md, section 4, "ListCertificates", and section 12 for pages and markers).
     *
     * @return the page, or the first refusal
     */
    Either<Refusal, Page<Certificate>> listCertificates(Principal caller, PageRequest request);

    /**
     * ListOutgoingCertificates: one page of the caller's certificates that are pending transfer
     * (docs/behaviour.md, section 4, "ListOutgoingCertificates").
     *
     * @return the page, or the first refusal
     */
    Either<Refusal, Page<Certificate>> listOutgoingCertificates(Principal caller, PageRequest request);

    /**
     * RegisterCertificateWithoutCA: the caller registers a certificate it will own, with the given status
     * (docs/behaviour.md, section 4, "RegisterCertificateWithoutCA"). The PEM was parsed by
     * {@code CertificatePem.parse}, which answers CERTIFICATE_VALIDATION for one that is not a certificate.
     *
     * @return the registered certificate and its ARN, or the first refusal
     */
    Either<Refusal, RegisterCertificateResult> registerCertificateWithoutCa(Principal caller,
            ParsedCertificate certificate, CertificateStatus status);
}
