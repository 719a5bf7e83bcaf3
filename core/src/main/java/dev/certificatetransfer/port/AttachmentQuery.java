package dev.certificatetransfer.port;

import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.CertificateId;

/** Tells how many policies and things the host has attached to a certificate (TransferCertificate and DeleteCertificate refuse while any are). */
public interface AttachmentQuery {

    Attachments attachmentsOf(CertificateId certificateId);

    /** For hosts that keep no attachments: nothing is ever attached. */
    static AttachmentQuery none() {
        return id -> Attachments.NONE;
    }
}
