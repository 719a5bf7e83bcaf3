package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.CreateKeysAndCertificateResult;
import dev.certificatetransfer.port.in.NamePage;
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

        /**
         * Accept, Reject, Cancel, Update, and AttachPolicy, DetachPolicy, AttachThingPrincipal and
         * DetachThingPrincipal: the certificate after the change.
         */
        T changed(Certificate certificate);

        /** TransferCertificate. */
        T transferRequested(TransferCertificateResult transferred);

        /** DeleteCertificate. */
        T deleted(CertificateId certificateId);

        /** ListCertificates, or ListOutgoingCertificates when {@code outgoing}. */
        T listed(Page<Certificate> page, boolean outgoing);

        /** RegisterCertificateWithoutCA. */
        T registered(RegisterCertificateResult registered);

        /** CreateKeysAndCertificate: the one answer that carries a private key. */
        T keysAndCertificateCreated(CreateKeysAndCertificateResult created);

        /** CreateCertificateFromCsr. */
        T issued(RegisterCertificateResult issued);

        /** CreateThing. */
        T thingCreated(Thing thing);

        /** DescribeThing. */
        T thingDescribed(Thing thing);

        /** DeleteThing. */
        T thingDeleted(Thing thing);

        /** CreatePolicy. */
        T policyCreated(IotPolicy policy);

        /** GetPolicy. */
        T policyRead(IotPolicy policy);

        /** DeletePolicy. */
        T policyDeleted(IotPolicy policy);

        /** ListAttachedPolicies. */
        T attachedPolicies(NamePage<PolicyArn> page);

        /** ListTargetsForPolicy. */
        T policyTargets(NamePage<CertificateArn> page);

        /** ListPrincipalThings. */
        T principalThings(NamePage<ThingName> page);

        /** ListThingPrincipals. */
        T thingPrincipals(NamePage<CertificateArn> page);
    }

    /** DescribeCertificate. */
    record Described(Certificate certificate) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.described(certificate);
        }
    }

    /**
     * Accept, Reject, Cancel, Update and the four attach and detach calls: AWS sends an empty body; the envelope
     * shows the certificate after.
     */
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

    /** CreateKeysAndCertificate; its {@code toString} never shows the private key. */
    record KeysAndCertificateCreated(CreateKeysAndCertificateResult created) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.keysAndCertificateCreated(created);
        }
    }

    /** CreateCertificateFromCsr. */
    record Issued(RegisterCertificateResult issued) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.issued(issued);
        }
    }

    /** CreateThing. */
    record ThingCreated(Thing thing) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.thingCreated(thing);
        }
    }

    /** DescribeThing. */
    record ThingDescribed(Thing thing) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.thingDescribed(thing);
        }
    }

    /** DeleteThing. */
    record ThingDeleted(Thing thing) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.thingDeleted(thing);
        }
    }

    /** CreatePolicy. */
    record PolicyCreated(IotPolicy policy) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.policyCreated(policy);
        }
    }

    /** GetPolicy. */
    record PolicyRead(IotPolicy policy) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.policyRead(policy);
        }
    }

    /** DeletePolicy. */
    record PolicyDeleted(IotPolicy policy) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.policyDeleted(policy);
        }
    }

    /** ListAttachedPolicies. */
    record AttachedPolicies(NamePage<PolicyArn> page) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.attachedPolicies(page);
        }
    }

    /** ListTargetsForPolicy. */
    record PolicyTargets(NamePage<CertificateArn> page) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.policyTargets(page);
        }
    }

    /** ListPrincipalThings. */
    record PrincipalThings(NamePage<ThingName> page) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.principalThings(page);
        }
    }

    /** ListThingPrincipals. */
    record ThingPrincipals(NamePage<CertificateArn> page) implements Output {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.thingPrincipals(page);
        }
    }
}
