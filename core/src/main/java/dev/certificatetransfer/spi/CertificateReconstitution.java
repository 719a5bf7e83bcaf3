package dev.certificatetransfer.spi;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateAttachments;
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
 * in for repositories. A mutable builder: use one per row, on one thread.
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
    private CertificateAttachments attachments = CertificateAttachments.NONE;

    /** Starts with no field set. */
    public CertificateReconstitution() {}

    /**
     * Sets the certificate id; required.
     *
     * @param id the certificate id
     * @return this builder
     */
    public CertificateReconstitution id(CertificateId id) {
        this.id = id;
        return this;
    }

    /**
     * Sets the stored PEM text; required.
     *
     * @param pem the stored PEM text
     * @return this builder
     */
    public CertificateReconstitution pem(CertificatePem pem) {
        this.pem = pem;
        return this;
    }

    /**
     * Sets the certificate's validity period; required.
     *
     * @param validity the certificate's validity period
     * @return this builder
     */
    public CertificateReconstitution validity(Validity validity) {
        this.validity = validity;
        return this;
    }

    /**
     * Sets the certificate's mode; required.
     *
     * @param mode the certificate's mode
     * @return this builder
     */
    public CertificateReconstitution mode(CertificateMode mode) {
        this.mode = mode;
        return this;
    }

    /**
     * Sets the account that owns the certificate; required.
     *
     * @param owner the account that owns the certificate
     * @return this builder
     */
    public CertificateReconstitution owner(AccountId owner) {
        this.owner = owner;
        return this;
    }

    /**
     * Sets the owner before the most recent accepted transfer; defaults to none.
     *
     * @param previousOwner the previous owner, or none
     * @return this builder
     */
    public CertificateReconstitution previousOwner(Option<AccountId> previousOwner) {
        this.previousOwner = previousOwner;
        return this;
    }

    /**
     * Sets the certificate's status; required.
     *
     * @param status the certificate's status
     * @return this builder
     */
    public CertificateReconstitution status(CertificateStatus status) {
        this.status = status;
        return this;
    }

    /**
     * Sets the most recent transfer; defaults to none: never transferred.
     *
     * @param lastTransfer the most recent transfer, or none
     * @return this builder
     */
    public CertificateReconstitution lastTransfer(Option<Transfer> lastTransfer) {
        this.lastTransfer = lastTransfer;
        return this;
    }

    /**
     * Sets the registration's date; required.
     *
     * @param creationDate the registration's date
     * @return this builder
     */
    public CertificateReconstitution creationDate(Instant creationDate) {
        this.creationDate = creationDate;
        return this;
    }

    /**
     * Sets the latest change's date; required.
     *
     * @param lastModifiedDate the latest change's date
     * @return this builder
     */
    public CertificateReconstitution lastModifiedDate(Instant lastModifiedDate) {
        this.lastModifiedDate = lastModifiedDate;
        return this;
    }

    /**
     * Sets AWS's {@code customerVersion}; required.
     *
     * @param customerVersion AWS's {@code customerVersion}
     * @return this builder
     */
    public CertificateReconstitution customerVersion(long customerVersion) {
        this.customerVersion = customerVersion;
        return this;
    }

    /**
     * Sets the compare-and-set version the certificate is stored at; required.
     *
     * @param version the compare-and-set version the certificate is stored at
     * @return this builder
     */
    public CertificateReconstitution version(long version) {
        this.version = version;
        return this;
    }

    /**
     * Sets the policies and things attached to the certificate; optional, nothing attached by default.
     *
     * @param attachments what is attached, as stored
     * @return this builder
     */
    public CertificateReconstitution attachments(CertificateAttachments attachments) {
        this.attachments = attachments;
        return this;
    }

    /**
     * The certificate, if every field is set and the fields fit together.
     *
     * @return the certificate as stored
     * @throws NullPointerException if a required field was not set
     * @throws IllegalArgumentException if the fields do not fit together (see {@link Certificate})
     */
    public Certificate build() {
        return new Certificate(
                id,
                pem,
                validity,
                mode,
                owner,
                previousOwner,
                status,
                lastTransfer,
                creationDate,
                lastModifiedDate,
                customerVersion,
                version,
                attachments);
    }
}
