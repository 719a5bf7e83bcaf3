package dev.certificatetransfer.adapter.ca;

import io.vavr.control.Either;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads an untrusted PKCS#10 certificate signing request: one PEM block labelled {@code CERTIFICATE REQUEST} (or
 * {@code NEW CERTIFICATE REQUEST}), a key the CA signs (RSA of 2048 to 4096 bits, EC on P-256 or P-384), and a
 * signature that verifies with that key. Every refusal is a message that quotes nothing of the request; nothing here
 * throws for bad input.
 */
final class SigningRequests {

    private static final String WHAT = "the certificate signing request";
    private static final List<String> LABELS = List.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 4096;
    private static final Set<ASN1Encodable> CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1);

    private SigningRequests() {}

    /**
     * The public key of a request the CA signs.
     *
     * @param pem the request as the caller sent it, possibly null
     * @return its public key, or why it is refused
     */
    static Either<String, SubjectPublicKeyInfo> publicKeyOf(String pem) {
        return Pem.read(pem, WHAT, LABELS)
                .flatMap(SigningRequests::parse)
                .flatMap(SigningRequests::withAcceptedKey)
                .flatMap(SigningRequests::verified)
                .map(PKCS10CertificationRequest::getSubjectPublicKeyInfo);
    }

    private static Either<String, PKCS10CertificationRequest> parse(byte[] der) {
        try {
            return Either.right(new PKCS10CertificationRequest(der));
        } catch (IOException | RuntimeException e) {
            return Either.left(WHAT + " is not a DER-encoded PKCS#10 request");
        }
    }

    private static Either<String, PKCS10CertificationRequest> withAcceptedKey(PKCS10CertificationRequest request) {
        var key = request.getSubjectPublicKeyInfo();
        var algorithm = key.getAlgorithm().getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            int bits = rsaBits(key);
            return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS
                    ? Either.right(request)
                    : Either.left(WHAT + " has an RSA key of " + bits + " bits; the CA signs RSA keys of "
                            + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits");
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            return CURVES.contains(key.getAlgorithm().getParameters())
                    ? Either.right(request)
                    : Either.left(WHAT + " has an EC key on a curve the CA does not sign; it signs P-256 and P-384");
        }
        return Either.left(WHAT + " has a key of a type the CA does not sign; it signs RSA and EC keys");
    }

    /** The RSA modulus's length in bits; 0 for a key that does not parse. */
    private static int rsaBits(SubjectPublicKeyInfo key) {
        try {
            return RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Either<String, PKCS10CertificationRequest> verified(PKCS10CertificationRequest request) {
        try {
            // as a JDK key first: the builder would ask the JDK for a key factory by OID, which it has not for EC
            var key = new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            var verifier = new JcaContentVerifierProviderBuilder().build(key);
            return request.isSignatureValid(verifier)
                    ? Either.right(request)
                    : Either.left(WHAT + "'s signature does not verify with its own public key");
        } catch (PEMException | OperatorCreationException | PKCSException | RuntimeException e) {
            return Either.left(WHAT + "'s signature cannot be verified with its own public key");
        }
    }
}
