package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;

/**
 * Tells how many policies and things the host has attached to a certificate: TransferCertificate and
 * DeleteCertificate refuse while any are.
 *
 * <p>The service asks this port while it decides, before it commits; the host's attachments are not part of the
 * certificate's compare-and-set, so a policy or thing attached between the question and the commit is not seen.
 * A host that lets attachments change concurrently closes that window on its side: it refuses to attach to a
 * certificate that is {@code PENDING_TRANSFER} (or deleted) by checking the certificate's status in its attach
 * operation, or it serialises attach, transfer and delete per certificate id (one lock, or one database
 * transaction that also reads the certificate's row with {@code SELECT ... FOR UPDATE}).
 */
public interface AttachmentQuery {

    Attachments attachmentsOf(CertificateId certificateId);

    /** For hosts that keep no attachments: nothing is ever attached. */
    static AttachmentQuery none() {
        return id -> Attachments.NONE;
    }
}
