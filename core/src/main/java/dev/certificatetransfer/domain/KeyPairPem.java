package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * A key pair as CreateKeysAndCertificate returns it, once: its public and private key in PEM. The service never
 * stores the private key, never puts it in an event, and {@link #toString()} never prints it
 * (docs/behaviour.md#16-certificates-the-deployment-issues).
 *
 * @param publicKey the public key, PEM ({@code -----BEGIN PUBLIC KEY-----})
 * @param privateKey the private key, PEM; handed to the caller and forgotten
 */
public record KeyPairPem(String publicKey, String privateKey) {

    /**
     * A key pair.
     *
     * @param publicKey the public key's PEM
     * @param privateKey the private key's PEM
     * @throws NullPointerException if either is null
     */
    public KeyPairPem {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** The public key's length only, never a key. */
    @Override
    public String toString() {
        return "KeyPairPem[publicKey=" + publicKey.length() + " chars, privateKey=(not shown)]";
    }
}
