package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;
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
    record TransferOpened(TransferCertificateResult transferred) implements Output {
    }

    /** DeleteCertificate. */
    record Deleted(CertificateId certificateId) implements Output {
    }

    /** ListCertificates, or ListOutgoingCertificates when {@code outgoing}. */
    record Listed(Page<Certificate> page, boolean outgoing) implements Output {
    }

    /** RegisterCertificateWithoutCA. */
    record RegisteredCertificate(RegisterCertificateResult registered) implements Output {
    }
}
