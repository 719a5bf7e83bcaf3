package dev.certificatetransfer.adapter.ca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import dev.certificatetransfer.port.out.CertificateIssuer.IssuedKeysAndCertificate;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** CreateKeysAndCertificate's half: a new RSA 2048 key pair and a certificate for it, signed by the CA. */
class IssueWithNewKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.987Z");
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";

    private static BouncyCastleCertificateIssuer issuer;
    private static X509Certificate ca;
    private static IssuedKeysAndCertificate issued;
    private static X509Certificate certificate;

    @BeforeAll
    static void issue() throws Exception {
        issuer = BouncyCastleCertificateIssuer.start(new InMemoryAuthorityStore(), Clock.fixed(NOW, ZoneOffset.UTC));
        ca = Pki.certificate(issuer.authorityCertificatePem());
        issued = issuer.issueWithNewKeys();
        certificate = Pki.certificate(issued.certificatePem());
    }

    @Test
    void the_certificate_is_signed_by_the_ca() throws Exception {
        certificate.verify(ca.getPublicKey());

        assertThat(certificate.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
    }

    @Test
    void the_certificate_validates_on_a_path_to_the_ca_for_client_authentication() throws Exception {
        var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate));
        var parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW.plusSeconds(1)));

        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        assertThat(certificate.getExtendedKeyUsage()).contains(CLIENT_AUTH);
    }

    @Test
    void the_certificate_has_a_positive_random_serial_of_at_least_16_bytes() throws Exception {
        var serial = certificate.getSerialNumber();
        var another =
                Pki.certificate(issuer.issueWithNewKeys().certificatePem()).getSerialNumber();

        assertThat(serial.signum()).isPositive();
        assertThat(serial.toByteArray()).hasSizeGreaterThanOrEqualTo(16);
        assertThat(another).isNotEqualTo(serial);
    }

    @Test
    void the_certificate_is_valid_from_the_clocks_second_to_the_end_of_2049_for_aws_iot_certificate() {
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-12-07T10:15:30Z"));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=AWS IoT Certificate");
    }

    @Test
    void the_certificate_is_an_end_entity_one_for_signatures_and_key_encipherment() {
        boolean[] usage = certificate.getKeyUsage();

        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getCriticalExtensionOIDs()).contains(BASIC_CONSTRAINTS, KEY_USAGE);
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[2]).as("keyEncipherment").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
    }

    @Test
    void the_authority_key_identifier_is_the_cas_subject_key_identifier() throws Exception {
        var own = new JcaX509CertificateHolder(certificate).getExtensions();
        var cas = new JcaX509CertificateHolder(ca).getExtensions();

        assertThat(SubjectKeyIdentifier.fromExtensions(own)).isNotNull();
        assertThat(AuthorityKeyIdentifier.fromExtensions(own).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(cas).getKeyIdentifier());
    }

    @Test
    void the_public_key_pem_is_the_certificates_rsa_2048_key() throws Exception {
        var publicKey = issued.keyPair().publicKey();

        assertThat(publicKey).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Pki.publicKey(publicKey).getEncoded())
                .isEqualTo(certificate.getPublicKey().getEncoded());
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength())
                .isEqualTo(2048);
    }

    @Test
    void the_private_key_is_pkcs1_pem_and_signs_what_the_certificates_key_verifies() throws Exception {
        var privateKey = issued.keyPair().privateKey();
        var keys = Pki.pkcs1KeyPair(privateKey);
        var data = "a device says hello".getBytes(StandardCharsets.UTF_8);
        var signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update(data);
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);

        assertThat(privateKey).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(verifier.verify(signer.sign())).isTrue();
    }

    @Test
    void each_call_makes_a_new_key_pair() {
        var again = issuer.issueWithNewKeys();

        assertThat(again.keyPair().privateKey()).isNotEqualTo(issued.keyPair().privateKey());
        assertThat(again.keyPair().publicKey()).isNotEqualTo(issued.keyPair().publicKey());
    }
}
