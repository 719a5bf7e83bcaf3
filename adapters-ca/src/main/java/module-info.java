/**
 * certificate-transfer's certificate authority: {@code BouncyCastleCertificateIssuer}, the deployment's CA behind
 * core's {@code CertificateIssuer} port, kept in an {@code AuthorityStore}. BouncyCastle builds and signs the
 * certificates and reads the signing requests; none of its types is part of the API.
 */
module dev.certificatetransfer.ca {
    requires transitive dev.certificatetransfer.core;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports dev.certificatetransfer.adapter.ca;
}
