/**
 * What only storage authors need, beyond {@link dev.certificatetransfer.port.out.CertificateRepository}: the decided
 * change to commit ({@link dev.certificatetransfer.spi.CertificateChange}, and its {@code replay}), the stored form
 * with its tombstone version ({@link dev.certificatetransfer.spi.StoredCertificate}), the keys and queries of keyset
 * listings, the outcome of a compare-and-set, and {@link dev.certificatetransfer.spi.CertificateReconstitution}, the
 * one way to rebuild a certificate from a row. A new repository proves itself by passing
 * {@code CertificateRepositoryContract} from core's test-jar.
 *
 * <p>No parameter here accepts {@code null} and no method returns it. Every type is immutable, except the
 * reconstitution builder.
 */
package dev.certificatetransfer.spi;
