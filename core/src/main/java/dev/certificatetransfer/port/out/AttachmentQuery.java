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
 * transaction that also reads the certificate's row with {@code SELECT ... FOR UPDATE}). See docs/behaviour.md,
 * section 11. Implementations are called from many threads at once, so must be thread-safe.
 */
public interface AttachmentQuery {

    /**
     * How many policies and things are attached to the certificate now.
     *
     * @param certificateId the certificate TransferCertificate or DeleteCertificate is deciding on
     * @return the counts, {@link Attachments#NONE} when nothing is attached; never null (a failure to find out is
     *         an exception, never "nothing attached")
     */
    Attachments attachmentsOf(CertificateId certificateId);

    /**
     * For hosts that keep no attachments: nothing is ever attached.
     *
     * @return a query that always answers {@link Attachments#NONE}
     */
    static AttachmentQuery none() {
        return id -> Attachments.NONE;
    }
}
