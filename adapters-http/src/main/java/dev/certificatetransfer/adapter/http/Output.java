package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.application.Page;
import dev.certificatetransfer.application.Registered;
import dev.certificatetransfer.application.Transferred;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;

/** What a successful operation answers, before a dialect writes it. */
sealed interface Output {

    /** DescribeCertificate. */
    record Described(Certificate certificate) implements Output {
    }

    /** Accept, Reject, Cancel and Update: AWS sends an empty body; the envelope shows the certificate after. */
    record Changed(Certificate certificate) implements Output {
    }

    /** TransferCertificate. */
    record TransferOpened(Transferred transferred) implements Output {
    }

    /** DeleteCertificate. */
    record Deleted(CertificateId certificateId) implements Output {
    }

    /** ListCertificates, or ListOutgoingCertificates when {@code outgoing}. */
    record Listed(Page<Certificate> page, boolean outgoing) implements Output {
    }

    /** RegisterCertificateWithoutCA. */
    record RegisteredCertificate(Registered registered) implements Output {
    }
}
