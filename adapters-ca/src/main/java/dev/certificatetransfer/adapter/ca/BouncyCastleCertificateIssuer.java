package dev.certificatetransfer.adapter.ca;

import dev.certificatetransfer.domain.KeyPairPem;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.CertificateIssuer;
import io.vavr.Lazy;
import io.vavr.control.Either;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The deployment's certificate authority, with BouncyCastle (docs/behaviour.md#16-certificates-the-deployment-issues).
 * On {@link #start} it reads the CA from the {@link AuthorityStore}, or creates one there when the store has none: an
 * RSA 2048 key and a self-signed certificate for {@code CN=certificate-transfer deployment CA} (CA, path length 0,
 * key usage keyCertSign and cRLSign) valid until 2049-12-31T23:59:59Z. When processes start together on an empty
 * store, each uses the CA the store kept, so all issue under one CA.
 *
 * <p>Each certificate it issues has a random positive 20-byte serial, is valid from the clock's second to
 * 2049-12-31T23:59:59Z, is for {@code CN=AWS IoT Certificate}, and is an end-entity certificate (CA:false) for client
 * and server authentication with key usage digitalSignature (and keyEncipherment for an RSA key), signed
 * SHA256withRSA, with subject and authority key identifiers. It logs nothing, and keeps no key but the CA's.
 * Immutable and thread-safe.
 */
public final class BouncyCastleCertificateIssuer implements CertificateIssuer {

    private final Authority authority;
    private final Clock clock;
    private final SecureRandom random;

    private BouncyCastleCertificateIssuer(Authority authority, Clock clock, SecureRandom random) {
        this.authority = authority;
        this.clock = clock;
        this.random = random;
    }

    /**
     * The issuer of the CA in the store, created there first if the store has none; keys and serials from a new
     * {@link SecureRandom}.
     *
     * @param store where the CA is kept
     * @param clock the time certificates are valid from
     * @return the issuer
     * @throws IllegalStateException if the stored CA cannot be used (its certificate or key does not parse, it is not
     *     a CA certificate, or the key is not the certificate's); the message never holds the key
     * @throws NullPointerException if an argument is null
     */
    public static BouncyCastleCertificateIssuer start(AuthorityStore store, Clock clock) {
        return start(store, clock, new SecureRandom());
    }

    /**
     * The issuer of the CA in the store, created there first if the store has none.
     *
     * @param store where the CA is kept
     * @param clock the time certificates are valid from
     * @param random the source of keys and serials
     * @return the issuer
     * @throws IllegalStateException if the stored CA cannot be used (its certificate or key does not parse, it is not
     *     a CA certificate, or the key is not the certificate's); the message never holds the key
     * @throws NullPointerException if an argument is null
     */
    public static BouncyCastleCertificateIssuer start(AuthorityStore store, Clock clock, SecureRandom random) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        var stored = store.load().getOrElse(() -> store.saveIfAbsent(Authority.create(random, now(clock))));
        return new BouncyCastleCertificateIssuer(AuthorityReader.read(stored), clock, random);
    }

    /**
     * An issuer that reads the CA from the store, or creates it there, at its first call rather than now: a process
     * that never issues pays nothing at start (making the CA's RSA key pair costs 0.1 to 0.5 s), and a host whose
     * migrations run later in its start is not asked for the table before it exists. The first call then behaves as
     * {@link #start(AuthorityStore, Clock)}; a CA that cannot be used fails that call (and the next ones) instead.
     *
     * @param store where the CA is kept
     * @param clock the time certificates are valid from
     * @return the issuer; thread-safe, the CA read or created once
     * @throws NullPointerException if an argument is null
     */
    public static CertificateIssuer startOnFirstUse(AuthorityStore store, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        var started = Lazy.of(() -> start(store, clock));
        return new CertificateIssuer() {
            @Override
            public IssuedKeysAndCertificate issueWithNewKeys() {
                return started.get().issueWithNewKeys();
            }

            @Override
            public Either<String, String> issueFromCsr(String csrPem) {
                return started.get().issueFromCsr(csrPem);
            }

            @Override
            public String authorityCertificatePem() {
                return started.get().authorityCertificatePem();
            }
        };
    }

    /**
     * {@inheritDoc} The public key is PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo), the private key PEM
     * {@code RSA PRIVATE KEY} (PKCS#1), as AWS returns them.
     */
    @Override
    public IssuedKeysAndCertificate issueWithNewKeys() {
        var keys = Authority.rsaKeyPair(random);
        byte[] publicKey = keys.getPublic().getEncoded();
        return new IssuedKeysAndCertificate(
                issue(SubjectPublicKeyInfo.getInstance(publicKey)),
                new KeyPairPem(
                        Pem.write("PUBLIC KEY", publicKey), Pem.write("RSA PRIVATE KEY", pkcs1(keys.getPrivate()))));
    }

    /**
     * {@inheritDoc} The request is one PEM block ({@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE REQUEST}) of
     * at most 65,536 characters, whose key is RSA of 2048 to 4096 bits or EC on P-256 or P-384; its subject and
     * attributes are ignored. Never throws for a bad request.
     */
    @Override
    public Either<String, String> issueFromCsr(String csrPem) {
        return SigningRequests.publicKeyOf(csrPem).map(this::issue);
    }

    @Override
    public String authorityCertificatePem() {
        return authority.certificatePem();
    }

    private String issue(SubjectPublicKeyInfo publicKey) {
        return authority.issue(publicKey, Authority.serial(random), now(clock));
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] pkcs1(PrivateKey key) {
        try {
            return PrivateKeyInfo.getInstance(key.getEncoded())
                    .parsePrivateKey()
                    .toASN1Primitive()
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
