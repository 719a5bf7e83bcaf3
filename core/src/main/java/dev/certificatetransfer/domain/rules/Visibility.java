package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Who may learn that a certificate exists (spec section 3, check 3). Anyone else gets {@link Refusal.NotFound},
 * exactly as if the certificate did not exist.
 */
public final class Visibility {

    private Visibility() {
    }

    /** Rule: a certificate is visible to its owner and, while a transfer is pending, to that transfer's target. */
    public static Either<Refusal, Certificate> visibleTo(Option<Certificate> current, CertificateId id,
            AccountId caller) {
        return current.filter(c -> isVisibleTo(c, caller)).toEither(() -> new Refusal.NotFound(id));
    }

    /**
     * Rule for accept, reject and cancel: the source and target of the most recent transfer also see the
     * certificate once that transfer completed, so they learn "already complete" (410) rather than "not found".
     */
    public static Either<Refusal, Certificate> visibleToTransferParty(Option<Certificate> current, CertificateId id,
            AccountId caller) {
        return current.filter(c -> isVisibleTo(c, caller) || c.lastTransfer().exists(t -> t.involves(caller)))
                .toEither(() -> new Refusal.NotFound(id));
    }

    /** The rule itself, for queries such as listings: the owner, or the target of a pending transfer. */
    public static boolean isVisibleTo(Certificate certificate, AccountId account) {
        return certificate.owner().equals(account) || certificate.pendingTarget().contains(account);
    }
}
