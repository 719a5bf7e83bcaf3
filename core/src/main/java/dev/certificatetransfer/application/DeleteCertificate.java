package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.CertificateRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.AttachmentQuery;
import io.vavr.Lazy;
import io.vavr.control.Either;

/** DeleteCertificate: the owner removes a certificate that is neither active nor pending transfer. */
final class DeleteCertificate {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final AttachmentQuery attachments;

    DeleteCertificate(AuthorizationCheck authorization, CommitLoop commitLoop, AttachmentQuery attachments) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.attachments = attachments;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, CertificateId> delete(Principal caller, CertificateId id, boolean forceDelete) {
        return authorization
                .authorize(caller, IotAction.DELETE_CERTIFICATE, id)
                .flatMap(allowed -> commitLoop.decideAndCommit(
                        id,
                        (stored, now) -> CommitLoop.oneChange(CertificateRules.delete(
                                stored.certificate(),
                                id,
                                caller,
                                forceDelete,
                                Lazy.of(() -> attachments.attachmentsOf(id)),
                                now))))
                .map(gone -> id);
    }
}
