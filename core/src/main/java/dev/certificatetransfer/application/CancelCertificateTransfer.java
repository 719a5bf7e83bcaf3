package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.TransferRules;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * CancelCertificateTransfer (docs/behaviour.md, section 4, "CancelCertificateTransfer"): asks the Authorizer, then
 * the commit loop loads the certificate (recording an expiry that is due first), decides with
 * {@link TransferRules#cancel}, and commits the one TransferCancelled event by compare-and-set, deciding again on the
 * winner's state after a lost race.
 */
final class CancelCertificateTransfer {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;

    CancelCertificateTransfer(AuthorizationCheck authorization, CommitLoop commitLoop) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
    }

    Either<Refusal, Certificate> cancel(Principal caller, CertificateId id) {
        return authorization
                .authorize(caller, IotAction.CANCEL_CERTIFICATE_TRANSFER, id)
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) ->
                                CommitLoop.oneChange(TransferRules.cancel(stored.certificate(), id, caller, now))))
                .map(Option::get);
    }
}
