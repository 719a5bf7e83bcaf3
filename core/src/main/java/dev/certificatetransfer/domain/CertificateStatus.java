package dev.certificatetransfer.domain;

/** The statuses of a certificate, as AWS IoT Core names them. */
public enum CertificateStatus {
    ACTIVE,
    INACTIVE,
    REVOKED,
    PENDING_TRANSFER,
    REGISTER_INACTIVE,
    PENDING_ACTIVATION;

    /**
     * Whether a caller may ask for this status (UpdateCertificate, RegisterCertificateWithoutCA):
     * only TransferCertificate sets {@code PENDING_TRANSFER}, and nobody sets {@code PENDING_ACTIVATION}.
     */
    public boolean isRequestable() {
        return this != PENDING_TRANSFER && this != PENDING_ACTIVATION;
    }
}
