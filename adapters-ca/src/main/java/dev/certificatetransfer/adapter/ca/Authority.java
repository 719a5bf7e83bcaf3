package dev.certificatetransfer.adapter.ca;

import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;

/**
 * The deployment's CA, read from its stored form ({@link StoredAuthority#certificatePem()} and a PKCS#8 private key),
 * and what it signs: end-entity certificates for a public key. A new CA has an RSA 2048 key and a self-signed
 * certificate valid until {@link #NOT_AFTER}. Immutable and thread-safe.
 */
final class Authority {

    /** The end of the validity of every certificate issued, as AWS issues them, and of the CA's own. */
    static final Instant NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

    static final X500Name SUBJECT = new X500Name("CN=certificate-transfer deployment CA");
    static final X500Name ISSUED_SUBJECT = new X500Name("CN=AWS IoT Certificate");

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    private static final int SERIAL_BYTES = 20;

    private final X509CertificateHolder certificate;
    private final PrivateKey privateKey;
    private final String certificatePem;

    Authority(X509CertificateHolder certificate, PrivateKey privateKey, String certificatePem) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.certificatePem = certificatePem;
    }

    /**
     * A new CA in its stored form: an RSA 2048 key pair and a self-signed certificate (CA, path length 0, key usage
     * keyCertSign and cRLSign) valid from {@code now} to {@link #NOT_AFTER}.
     */
    static StoredAuthority create(SecureRandom random, Instant now) {
        var keys = rsaKeyPair(random);
        var publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        var builder = new X509v3CertificateBuilder(
                SUBJECT, serial(random), Date.from(now), Date.from(NOT_AFTER), SUBJECT, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(publicKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var certificate = sign(builder, keys.getPrivate());
        return new StoredAuthority(
                Pem.write("CERTIFICATE", encoded(certificate)),
                Pem.write("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }

    /** The CA's certificate, PEM. */
    String certificatePem() {
        return certificatePem;
    }

    /**
     * An end-entity certificate for the key (CN=AWS IoT Certificate, CA:false, client and server authentication)
     * signed by this CA.
     */
    String issue(SubjectPublicKeyInfo publicKey, BigInteger serial, Instant notBefore) {
        var builder = new X509v3CertificateBuilder(
                certificate.getSubject(),
                serial,
                Date.from(notBefore),
                Date.from(NOT_AFTER),
                ISSUED_SUBJECT,
                publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(publicKey)))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth
                    }))
                    .addExtension(Extension.subjectKeyIdentifier, false, keyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Pem.write("CERTIFICATE", encoded(sign(builder, privateKey)));
    }

    /** A positive serial of {@value #SERIAL_BYTES} bytes (the most RFC 5280 allows), 158 of its bits random. */
    static BigInteger serial(SecureRandom random) {
        var bytes = new byte[SERIAL_BYTES];
        random.nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x3F) | 0x40);
        return new BigInteger(1, bytes);
    }

    static KeyPair rsaKeyPair(SecureRandom random) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK cannot generate RSA keys", e);
        }
    }

    private static int keyUsage(SubjectPublicKeyInfo publicKey) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(
                        publicKey.getAlgorithm().getAlgorithm())
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
    }

    private AuthorityKeyIdentifier authorityKeyIdentifier() {
        var own = SubjectKeyIdentifier.fromExtensions(certificate.getExtensions());
        return own != null
                ? new AuthorityKeyIdentifier(own.getKeyIdentifier())
                : new BcX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getSubjectPublicKeyInfo());
    }

    private static SubjectKeyIdentifier keyIdentifier(SubjectPublicKeyInfo publicKey) {
        return new BcX509ExtensionUtils().createSubjectKeyIdentifier(publicKey);
    }

    private static X509CertificateHolder sign(X509v3CertificateBuilder builder, PrivateKey key) {
        try {
            return builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with the CA's key", e);
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
