package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.TransferDecisions;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.AttachmentQuery;
import dev.certificatetransfer.port.TransferPolicy;
import dev.certificatetransfer.port.TransferPolicy.Verdict;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** TransferCertificate: the owner offers a certificate to another account. */
final class TransferCertificate {

    /** The refusal of spec section 8 when the {@link TransferPolicy} says no. */
    static final Rejection NOT_ACCEPTED_BY_TARGET =
            new Rejection.NotAuthorized("the target account does not accept transfers from this account");

    private final Guard guard;
    private final Changes changes;
    private final AttachmentQuery attachments;
    private final TransferPolicy policy;
    private final Region region;

    TransferCertificate(Guard guard, Changes changes, AttachmentQuery attachments, TransferPolicy policy,
            Region region) {
        this.guard = guard;
        this.changes = changes;
        this.attachments = attachments;
        this.policy = policy;
        this.region = region;
    }

    /** Rules and rejections: {@link CertificateTransfers}. */
    Either<Rejection, Transferred> transfer(Principal caller, CertificateId id, AccountId target,
            Option<TransferMessage> message) {
        return guard.authorize(caller, IotAction.TRANSFER_CERTIFICATE, id)
                .flatMap(allowed -> changes.decideAndCommit(id, (stored, now) -> Changes.oneChange(
                        TransferDecisions.transfer(stored.certificate(), id, caller.account(), target, message,
                                Lazy.of(() -> attachments.attachmentsOf(id)), now)
                                .flatMap(this::acceptedByTarget))))
                .map(after -> new Transferred(after.get(), new CertificateArn(region, target, id)));
    }

    /** Rule (ours, spec section 8), after the state rules and before anything is written: the target accepts it. */
    private Either<Rejection, TransferRequested> acceptedByTarget(TransferRequested requested) {
        return policy.decide(requested.actor(), requested.certificateId(), requested.target()) == Verdict.ALLOWED
                ? Either.right(requested)
                : Either.left(NOT_ACCEPTED_BY_TARGET);
    }
}
