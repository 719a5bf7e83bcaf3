package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.Certificate;
import io.vavr.control.Option;

/**
 * What storage holds under one certificate id: the certificate, if it is registered now, and the version of the
 * id's latest committed change. A deletion keeps that version (a tombstone), so the next registration of the id
 * continues from it and a version is never reused for the id: a change decided on a deleted certificate can
 * never land on a new registration (docs/behaviour.md, section 8).
 *
 * @param version 0 if nothing was ever stored under the id; else the version of its latest change
 */
public record StoredCertificate(Option<Certificate> certificate, long version) {

    /** Nothing was ever stored under the id. */
    public static final StoredCertificate NEVER_STORED = new StoredCertificate(Option.none(), 0);

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

    /** A registered certificate, at its own version. */
    public static StoredCertificate of(Certificate certificate) {
        return new StoredCertificate(Option.some(certificate), certificate.version());
    }

    /** An id whose certificate was deleted by the change of the given version. */
    public static StoredCertificate deleted(long deletionVersion) {
        return new StoredCertificate(Option.none(), deletionVersion);
    }

    /** The version the next change of this id will have. */
    public long nextVersion() {
        return version + 1;
    }
}
