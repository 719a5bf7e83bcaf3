package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificatePem;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.Validity;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Rebuilds a certificate loaded from storage, one named field at a time, so that a row mapper cannot swap two fields
 * of the same type; {@link #build()} checks the shape every stored certificate has, not business rules. The one way
 * in for repositories.
 */
public final class CertificateReconstitution {
    private CertificateId id;
    private CertificatePem pem;
    private Validity validity;
    private CertificateMode mode;
    private AccountId owner;
    private Option<AccountId> previousOwner = Option.none();
    private CertificateStatus status;
    private Option<Transfer> lastTransfer = Option.none();
    private Instant creationDate;
    private Instant lastModifiedDate;
    private long customerVersion;
    private long version;

    /** Starts with no field set. */
    public CertificateReconstitution() {
    }

    public CertificateReconstitution id(CertificateId id) {
        this.id = id;
        return this;
    }

    public CertificateReconstitution pem(CertificatePem pem) {
        this.pem = pem;
        return this;
    }

    public CertificateReconstitution validity(Validity validity) {
        this.validity = validity;
        return this;
    }

    public CertificateReconstitution mode(CertificateMode mode) {
        this.mode = mode;
        return this;
    }

    public CertificateReconstitution owner(AccountId owner) {
        this.owner = owner;
        return this;
    }

    /** Defaults to none. */
    public CertificateReconstitution previousOwner(Option<AccountId> previousOwner) {
        this.previousOwner = previousOwner;
        return this;
    }

    public CertificateReconstitution status(CertificateStatus status) {
        this.status = status;
        return this;
    }

    /** Defaults to none: never transferred. */
    public CertificateReconstitution lastTransfer(Option<Transfer> lastTransfer) {
        this.lastTransfer = lastTransfer;
        return this;
    }

    public CertificateReconstitution creationDate(Instant creationDate) {
        this.creationDate = creationDate;
        return this;
    }

    public CertificateReconstitution lastModifiedDate(Instant lastModifiedDate) {
        this.lastModifiedDate = lastModifiedDate;
        return this;
    }

    public CertificateReconstitution customerVersion(long customerVersion) {
        this.customerVersion = customerVersion;
        return this;
    }

    public CertificateReconstitution version(long version) {
        this.version = version;
        return this;
    }

    /** The certificate, if every field is set and the fields fit together; else an IllegalArgumentException or NPE. */
    public Certificate build() {
        return new Certificate(id, pem, validity, mode, owner, previousOwner, status, lastTransfer, creationDate,
                lastModifiedDate, customerVersion, version);
    }
}
