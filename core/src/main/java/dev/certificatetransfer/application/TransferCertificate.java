package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.rules.TransferRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.TransferCertificateResult;
import dev.certificatetransfer.port.out.AttachmentQuery;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.port.out.TransferRule;
import io.vavr.Lazy;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** TransferCertificate: the owner offers a certificate to another account. */
final class TransferCertificate {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final AttachmentQuery attachments;
    private final TransferRule rule;
    private final Region region;

    TransferCertificate(
            AuthorizationCheck authorization,
            CommitLoop commitLoop,
            AttachmentQuery attachments,
            TransferRule rule,
            Region region) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.attachments = attachments;
        this.rule = rule;
        this.region = region;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, TransferCertificateResult> transfer(
            Principal caller, CertificateId id, AccountId target, Option<TransferMessage> message) {
        return authorization
                .authorize(caller, IotAction.TRANSFER_CERTIFICATE, id)
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) -> CommitLoop.oneChange(TransferRules.transfer(
                                stored.certificate(),
                                id,
                                caller,
                                target,
                                message,
                                Lazy.of(() -> attachments.attachmentsOf(id)),
                                Lazy.of(() -> rule.evaluate(caller.account(), id, target) == Permission.ALLOWED),
                                now))))
                .map(after -> new TransferCertificateResult(after.get(), new CertificateArn(region, target, id)));
    }
}
