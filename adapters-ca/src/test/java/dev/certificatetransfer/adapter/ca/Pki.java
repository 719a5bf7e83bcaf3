package dev.certificatetransfer.adapter.ca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * Keys, signing requests and PEM for the tests, made and read with the JDK and BouncyCastle's own PEM classes, not
 * with the adapter's.
 */
final class Pki {

    private Pki() {}

    static KeyPair rsa(int bits) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static KeyPair ec(String curve) throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    /** A PKCS#10 request for the key pair, signed with its private key, as PEM. */
    static String csr(KeyPair keys, String signatureAlgorithm) throws Exception {
        return pem(der(keys, signatureAlgorithm));
    }

    static byte[] der(KeyPair keys, String signatureAlgorithm) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=device, O=tester"), keys.getPublic())
                .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keys.getPrivate()))
                .getEncoded();
    }

    /** The DER as a {@code CERTIFICATE REQUEST} PEM block with 64-character lines. */
    static String pem(byte[] csrDer) {
        return "-----BEGIN CERTIFICATE REQUEST-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(csrDer)
                + "\n-----END CERTIFICATE REQUEST-----\n";
    }

    static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The key pair of an {@code RSA PRIVATE KEY} (PKCS#1) PEM. */
    static KeyPair pkcs1KeyPair(String pem) throws Exception {
        try (var parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parser.readObject());
        }
    }

    static PublicKey publicKey(String pem) throws Exception {
        try (var parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter()
                    .getPublicKey(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(parser.readObject()));
        }
    }

    /** Any object BouncyCastle writes as PEM (a key, a certificate), written by BouncyCastle. */
    static String pemOf(Object object) throws Exception {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
