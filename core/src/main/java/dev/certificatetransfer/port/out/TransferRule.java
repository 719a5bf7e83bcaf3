package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;

/**
 * Who may send certificates to whom (ours: docs/behaviour.md, section 14): may the source account transfer the
 * certificate to the target account? TransferCertificate asks after its state rules and before it writes anything;
 * a refusal answers UNAUTHORIZED and changes nothing. The default, {@link #allowAll()}, is AWS's behaviour.
 * Implementations are called from many threads at once, so must be thread-safe.
 */
public interface TransferRule {

    /**
     * Whether the source account may transfer the certificate to the target account.
     *
     * @param source the owner, offering the certificate
     * @param certificate the certificate
     * @param target the account it is offered to
     * @return {@link Permission#ALLOWED} or {@link Permission#REFUSED}, never null
     */
    Permission evaluate(AccountId source, CertificateId certificate, AccountId target);

    /**
     * Every account may transfer any certificate to any other account.
     *
     * @return the rule that always answers {@link Permission#ALLOWED}
     */
    static TransferRule allowAll() {
        return (source, certificate, target) -> Permission.ALLOWED;
    }
}
