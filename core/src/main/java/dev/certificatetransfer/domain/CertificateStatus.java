package dev.certificatetransfer.domain;

import io.vavr.control.Either;

/** The statuses of a certificate, as AWS IoT Core names them. */
public enum CertificateStatus {
    ACTIVE,
    INACTIVE,
    REVOKED,
    PENDING_TRANSFER,
    REGISTER_INACTIVE,
    PENDING_ACTIVATION;

    private static final CertificateStatus[] ALL = values();

    /** Parses a status name as AWS spells it; an unknown name is an {@link Refusal.InvalidRequest}. */
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
     */
    public boolean isRequestable() {
        return this != PENDING_TRANSFER && this != PENDING_ACTIVATION;
    }
}
