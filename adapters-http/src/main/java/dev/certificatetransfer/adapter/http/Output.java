package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.in.Page;
import dev.certificatetransfer.port.in.RegisterCertificateResult;
import dev.certificatetransfer.port.in.TransferCertificateResult;

/**
 * What a successful operation answers, before a dialect writes it. Each {@link Format} writes every kind through a
 * {@link Visitor}, so a new kind does not compile until both dialects say how they write it.
 */
sealed interface Output {

    /** Hands this output to the visitor's method for its kind. */
    <T> T accept(Visitor<T> visitor);

    /** One method per kind of output. */
    interface Visitor<T> {

        /** DescribeCertificate. */
        T described(Certificate certificate);

        /** Accept, Reject, Cancel and Update: the certificate after the change. */
        T changed(Certificate certificate);

        /** TransferCertificate. */
        T transferRequested(TransferCertificateResult transferred);

        /** DeleteCertificate. */
        T deleted(CertificateId certificateId);

        /** ListCertificates, or ListOutgoingCertificates when {@code outgoing}. */
        T listed(Page<Certificate> page, boolean outgoing);

        /** RegisterCertificateWithoutCA. */
        T registered(RegisterCertificateResult registered);
    }

    /** DescribeCertificate. */
    record Described(Certificate certificate) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.described(certificate);
        }
    }

    /** Accept, Reject, Cancel and Update: AWS sends an empty body; the envelope shows the certificate after. */
    record Changed(Certificate certificate) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.changed(certificate);
        }
    }

    /** TransferCertificate. */
    record TransferRequested(TransferCertificateResult transferred) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.transferRequested(transferred);
        }
    }

    /** DeleteCertificate. */
    record Deleted(CertificateId certificateId) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.deleted(certificateId);
        }
    }

    /** ListCertificates, or ListOutgoingCertificates when {@code outgoing}. */
    record Listed(Page<Certificate> page, boolean outgoing) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.listed(page, outgoing);
        }
    }

    /** RegisterCertificateWithoutCA. */
    record RegisteredCertificate(RegisterCertificateResult registered) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.registered(registered);
        }
    }
}
