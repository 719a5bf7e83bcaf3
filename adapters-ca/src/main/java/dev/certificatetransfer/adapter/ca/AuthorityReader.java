package dev.certificatetransfer.adapter.ca;

import dev.certificatetransfer.port.out.AuthorityStore.StoredAuthority;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * Reads a stored CA and checks it can sign: its certificate is a self-signed RSA CA certificate, and its private key
 * a PKCS#8 RSA key with the certificate's modulus. What cannot be used is an {@link IllegalStateException} whose
 * message, and whose cause if any, never holds the private key.
 */
final class AuthorityReader {

    private AuthorityReader() {}

    static Authority read(StoredAuthority stored) {
        byte[] der = Pem.read(stored.certificatePem(), "its certificate", List.of("CERTIFICATE"))
                .getOrElseThrow(AuthorityReader::unusable);
        var certificate = certificate(der);
        var publicKey = caKey(certificate);
        var privateKey = privateKey(stored.privateKeyPem());
        if (!privateKey.getModulus().equals(publicKey.getModulus())) {
            throw unusable("its private key does not belong to its certificate");
        }
        return new Authority(certificate, privateKey, Pem.write("CERTIFICATE", der));
    }

    private static X509CertificateHolder certificate(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw unusable("its certificate cannot be parsed", e);
        }
    }

    /** The certificate's RSA key, once the certificate is known to be a CA's that signed itself with it. */
    private static RSAPublicKey caKey(X509CertificateHolder holder) {
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException | RuntimeException e) {
            throw unusable("its certificate cannot be parsed", e);
        }
        if (certificate.getBasicConstraints() < 0) {
            throw unusable("its certificate is not a CA certificate");
        }
        if (!(certificate.getPublicKey() instanceof RSAPublicKey key)) {
            throw unusable("its certificate's key is not an RSA key");
        }
        try {
            certificate.verify(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unusable("its certificate's signature does not verify with its own key", e);
        }
        return key;
    }

    /** The key, or an exception with no cause: a parser's message might quote the bytes it choked on. */
    private static RSAPrivateKey privateKey(String pem) {
        byte[] der = Pem.read(pem, "its private key", List.of("PRIVATE KEY")).getOrElseThrow(AuthorityReader::unusable);
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateKey key) {
                return key;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw unusable("its private key is not a PKCS#8 RSA private key ("
                    + e.getClass().getSimpleName() + ")");
        }
        throw unusable("its private key is not a PKCS#8 RSA private key");
    }

    private static IllegalStateException unusable(String reason) {
        return new IllegalStateException(message(reason));
    }

    private static IllegalStateException unusable(String reason, Exception cause) {
        return new IllegalStateException(message(reason), cause);
    }

    private static String message(String reason) {
        return "The stored certificate authority cannot be used: " + reason
                + ". Certificates it issued chain to it, so restore it rather than delete it.";
    }
}
