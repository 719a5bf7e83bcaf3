package dev.certificatetransfer.port.out;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * Where the deployment's certificate authority is kept, so that the certificates it issued still chain to it after a
 * restart (docs/behaviour.md#16-certificates-the-deployment-issues). A {@link CertificateIssuer} adapter reads it on
 * start and creates the CA only when there is none. Implementations are thread-safe; several processes may share one
 * store, so {@link #saveIfAbsent} is atomic.
 */
public interface AuthorityStore {

    /**
     * The stored authority, if any.
     *
     * @return the authority; none before the first {@link #saveIfAbsent}
     */
    Option<StoredAuthority> load();

    /**
     * Stores the authority unless one is stored already (another process may have won the race).
     *
     * @param authority a newly created authority
     * @return the authority stored now: {@code authority}, or the one that was there first
     */
    StoredAuthority saveIfAbsent(StoredAuthority authority);

    /**
     * The CA's certificate and private key, in PEM. The store holds the key; nothing logs it, and
     * {@link #toString()} does not print it.
     *
     * @param certificatePem the CA's self-signed certificate
     * @param privateKeyPem its private key (PKCS#8 PEM)
     */
    record StoredAuthority(String certificatePem, String privateKeyPem) {

        /**
         * Checks both are present.
         *
         * @param certificatePem the CA's certificate
         * @param privateKeyPem its private key
         * @throws NullPointerException if either is null
         */
        public StoredAuthority {
            Objects.requireNonNull(certificatePem, "certificatePem");
            Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        }

        /** Never the key. */
        @Override
        public String toString() {
            return "StoredAuthority[certificate=" + certificatePem.length() + " chars, privateKey=(not shown)]";
        }
    }
}
