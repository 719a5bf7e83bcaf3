package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import io.vavr.control.Option;

/**
 * What storage holds under one certificate id: the certificate, if it is registered now, and the version of the
 * id's latest committed change. A deletion keeps that version (a tombstone), so the next registration of the id
 * continues from it and a version is never reused for the id: a change decided on a deleted certificate can
 * never land on a new registration (docs/behaviour.md, sections 7 and 8).
 *
 * @param certificate the certificate, if one is registered under the id now; none if never stored, or deleted
 * @param version 0 if nothing was ever stored under the id; else the version of its latest change
 */
public record StoredCertificate(Option<Certificate> certificate, long version) {

    /** Nothing was ever stored under the id. */
    public static final StoredCertificate NEVER_STORED = new StoredCertificate(Option.none(), 0);

    /**
     * What storage holds under an id.
     *
     * @param certificate the registered certificate, or none
     * @param version the version of the id's latest change, 0 if none
     * @throws NullPointerException if {@code certificate} is null
     * @throws IllegalArgumentException if the version is negative, is not the certificate's own, or is 1 for a
     *         deletion (which is at least a certificate's second change)
     */
    public StoredCertificate {
        if (certificate == null) {
            throw new NullPointerException("certificate");
        }
        if (version < 0 || (certificate.isDefined() && certificate.get().version() != version)) {
            throw new IllegalArgumentException("the stored version is the certificate's own, or the deletion's");
        }
        if (certificate.isEmpty() && version == 1) {
            throw new IllegalArgumentException("a deletion is at least the certificate's second change");
        }
    }

    /**
     * A registered certificate, at its own version.
     *
     * @param certificate the certificate
     * @return what storage holds for it
     */
    public static StoredCertificate of(Certificate certificate) {
        return new StoredCertificate(Option.some(certificate), certificate.version());
    }

    /**
     * An id whose certificate was deleted by the change of the given version.
     *
     * @param deletionVersion the deletion's version (a deletion is at least a certificate's second change)
     * @return the tombstone
     * @throws IllegalArgumentException if the version is negative or 1
     */
    public static StoredCertificate deleted(long deletionVersion) {
        return new StoredCertificate(Option.none(), deletionVersion);
    }

    /**
     * The version the next change of this id will have.
     *
     * @return {@link #version()} plus one
     */
    public long nextVersion() {
        return version + 1;
    }
}
