package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * Why an operation was refused: a business outcome as a typed value with a stable {@link RefusalCode}.
 * Refusals never carry anything the caller may not see.
 */
public sealed interface Refusal {

    RefusalCode code();

    /** A human-readable explanation, safe to show to the caller. */
    String message();

    /** The request itself is malformed or asks for something never allowed (400). */
    record InvalidRequest(String message) implements Refusal {
        public InvalidRequest {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.INVALID_REQUEST;
        }
    }

    /** The certificate PEM could not be parsed as an X.509 certificate (400). */
    record CertificateValidation(String message) implements Refusal {
        public CertificateValidation {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.CERTIFICATE_VALIDATION;
        }
    }

    /** The Authorizer refused the action, or the caller's role does not allow it (401). */
    record Unauthorized(String message) implements Refusal {
        public Unauthorized {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.UNAUTHORIZED;
        }
    }

    /** The certificate does not exist, or the caller may not see it: the two are indistinguishable (404). */
    record NotFound(CertificateId certificateId) implements Refusal {
        public NotFound {
            Objects.requireNonNull(certificateId, "certificateId");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.NOT_FOUND;
        }

        @Override
        public String message() {
            return "The certificate " + certificateId + " does not exist";
        }
    }

    /** The certificate's status does not allow the operation (406). */
    record CertificateState(CertificateId certificateId, CertificateStatus status, String message) implements Refusal {
        public CertificateState {
            Objects.requireNonNull(certificateId, "certificateId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.CERTIFICATE_STATE;
        }
    }

    /** Policies or things are still attached, so the certificate cannot be transferred (409). */
    record TransferConflict(CertificateId certificateId) implements Refusal {
        public TransferConflict {
            Objects.requireNonNull(certificateId, "certificateId");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.TRANSFER_CONFLICT;
        }

        @Override
        public String message() {
            return "The certificate " + certificateId + " cannot be transferred while policies or things are attached";
        }
    }

    /** Policies or things are still attached, so the certificate cannot be deleted (409). */
    record DeleteConflict(CertificateId certificateId, String message) implements Refusal {
        public DeleteConflict {
            Objects.requireNonNull(certificateId, "certificateId");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.DELETE_CONFLICT;
        }
    }

    /** A certificate with this id is already registered (409). */
    record AlreadyExists(CertificateId certificateId) implements Refusal {
        public AlreadyExists {
            Objects.requireNonNull(certificateId, "certificateId");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.ALREADY_EXISTS;
        }

        @Override
        public String message() {
            return "The certificate " + certificateId + " is already registered";
        }
    }

    /** The certificate's most recent transfer is already complete: accepted, rejected, cancelled or expired (410). */
    record TransferAlreadyCompleted(CertificateId certificateId, TransferStatus outcome) implements Refusal {
        public TransferAlreadyCompleted {
            Objects.requireNonNull(certificateId, "certificateId");
            if (!outcome.isCompleted()) {
                throw new IllegalArgumentException("a completed transfer is accepted, rejected, cancelled or expired");
            }
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.TRANSFER_ALREADY_COMPLETED;
        }

        @Override
        public String message() {
            return "The transfer of certificate " + certificateId + " is already complete ("
                    + (outcome == TransferStatus.EXPIRED ? "the transfer expired"
                            : outcome.name().toLowerCase(java.util.Locale.ROOT)) + ")";
        }
    }

    /**
     * The call was not carried out because it kept losing the compare-and-set race (or a host's rate limit said
     * no); nothing was written, and the caller may try again (400 ThrottlingException).
     */
    record Throttled(String message) implements Refusal {
        public Throttled {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.THROTTLED;
        }
    }
}
