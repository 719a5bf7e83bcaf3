package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;

/**
 * Who may send certificates to whom (ours, docs/behaviour.md, "Transfer rules"): may the source account transfer the certificate to the
 * target account? TransferCertificate asks after its state rules and before it writes anything; a refusal answers
 * UNAUTHORIZED and changes nothing. The default, {@link #allowAll()}, is AWS's behaviour.
 */
public interface TransferRule {

    /** Whether the source account may transfer the certificate to the target account. */
    Permission evaluate(AccountId source, CertificateId certificate, AccountId target);


    /** Every account may transfer any certificate to any other account. */
    static TransferRule allowAll() {
        return (source, certificate, target) -> Permission.ALLOWED;
    }
}
