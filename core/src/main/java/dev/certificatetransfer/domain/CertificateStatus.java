package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** The statuses of a certificate, as AWS IoT Core names them. */
public enum CertificateStatus {
    /** Devices may use the certificate. */
    ACTIVE,
    /** Devices may not use the certificate. */
    INACTIVE,
    /** Revoked for good: no status change brings it back (docs/behaviour.md, section 4, "UpdateCertificate"). */
    REVOKED,
    /** A transfer to another account is pending; only TransferCertificate sets it. */
    PENDING_TRANSFER,
    /** AWS's status for a certificate registered but not activated; like {@code INACTIVE}, it may be transferred. */
    REGISTER_INACTIVE,
    /** AWS's status for a certificate awaiting activation; nobody sets it here. */
    PENDING_ACTIVATION;

    private static final CertificateStatus[] ALL = values();

    /**
     * Parses a status name as AWS spells it (case-sensitive); an unknown name is an {@link Refusal.InvalidRequest},
     * never an exception.
     *
     * @param raw the name as received; any text, {@code null} included
     * @return the status, or an {@code INVALID_REQUEST} refusal
     */
    public static Either<Refusal, CertificateStatus> parse(String raw) {
        for (CertificateStatus status : ALL) {
            if (status.name().equals(raw)) {
                return Either.right(status);
            }
        }
        return Either.left(new Refusal.InvalidRequest("Unknown certificate status"));
    }

    /**
     * Whether a caller may ask for this status (UpdateCertificate, RegisterCertificateWithoutCA):
     * only TransferCertificate sets {@code PENDING_TRANSFER}, and nobody sets {@code PENDING_ACTIVATION}.
     *
     * @return false for {@code PENDING_TRANSFER} and {@code PENDING_ACTIVATION}, true for the others
     */
    public boolean isRequestable() {
        return this != PENDING_TRANSFER && this != PENDING_ACTIVATION;
    }
}
