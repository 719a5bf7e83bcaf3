package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.KeyPairPem;
import dev.certificatetransfer.port.out.CertificateIssuer;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the deployment's CA, for wire tests that check shapes, ids and ARNs: each certificate is another
 * variant of a test certificate (its own id), and the key pair is a fresh EC key pair that it does not certify. A
 * request is "signed" when it is PEM armoured as a certificate request, refused otherwise.
 */
final class TestIssuer implements CertificateIssuer {

    private static final String CSR_BEGIN = "-----BEGIN CERTIFICATE REQUEST-----";

    private final AtomicInteger serials = new AtomicInteger(1_000);

    /** A request this issuer signs (its content is not read). */
    static String csr() {
        return CSR_BEGIN + "\nMIIBAA==\n-----END CERTIFICATE REQUEST-----\n";
    }

    @Override
    public IssuedKeysAndCertificate issueWithNewKeys() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            var keys = generator.generateKeyPair();
            return new IssuedKeysAndCertificate(
                    nextCertificate(),
                    new KeyPairPem(
                            pem("PUBLIC KEY", keys.getPublic().getEncoded()),
                            pem("PRIVATE KEY", keys.getPrivate().getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform makes EC P-256 keys", e);
        }
    }

    @Override
    public Either<String, String> issueFromCsr(String csrPem) {
        return csrPem.startsWith(CSR_BEGIN)
                ? Either.right(nextCertificate())
                : Either.left("The certificate signing request is not a PEM PKCS#10 request");
    }

    @Override
    public String authorityCertificatePem() {
        return TestCertificates.pem(TestCertificates.COUNT - 1);
    }

    private String nextCertificate() {
        return TestCertificates.variant(serials.incrementAndGet()).pem().value();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
