package dev.certificatetransfer.port;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;

/**
 * Who may send certificates to whom (ours, spec section 8): may the source account transfer the certificate to the
 * target account? TransferCertificate asks after its state rules and before it writes anything; a refusal answers
 * UNAUTHORIZED and changes nothing. The default, {@link #allowAll()}, is AWS's behaviour.
 */
public interface TransferPolicy {

    Verdict decide(AccountId source, CertificateId certificate, AccountId target);

    /** The policy's answer. */
    enum Verdict {
        ALLOWED,
        REFUSED
    }

    /** Every account may transfer any certificate to any other account. */
    static TransferPolicy allowAll() {
        return (source, certificate, target) -> Verdict.ALLOWED;
    }
}
