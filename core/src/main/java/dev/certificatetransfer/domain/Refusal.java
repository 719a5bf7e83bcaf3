package dev.certificatetransfer.domain;

import java.util.Objects;

/**
 * Why an operation was refused: a business outcome as a typed value with a stable {@link RefusalCode}, never an
 * exception (docs/behaviour.md, section 2). Refusals never carry anything the caller may not see. Immutable.
 */
public sealed interface Refusal {

    /**
     * The stable code adapters map to the wire.
     *
     * @return the code, one per record
     */
    RefusalCode code();

    /**
     * A human-readable explanation, safe to show to the caller.
     *
     * @return the explanation, never null
     */
    String message();

    /**
     * The request itself is malformed or asks for something never allowed (400).
     *
     * @param message the explanation, safe to show to the caller
     */
    record InvalidRequest(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public InvalidRequest {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.INVALID_REQUEST;
        }
    }

    /**
     * The certificate PEM could not be parsed as an X.509 certificate (400).
     *
     * @param message the explanation, safe to show to the caller
     */
    record CertificateValidation(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public CertificateValidation {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.CERTIFICATE_VALIDATION;
        }
    }

    /**
     * The Authorizer refused the action, or the caller's role does not allow it (401).
     *
     * @param message the explanation, safe to show to the caller
     */
    record Unauthorized(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public Unauthorized {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.UNAUTHORIZED;
        }
    }

    /**
     * The certificate does not exist, or the caller may not see it: the two are indistinguishable (404).
     *
     * @param certificateId the certificate, as the caller named it
     */
    record NotFound(CertificateId certificateId) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @throws NullPointerException if a component is null
         */
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

    /**
     * The certificate's status does not allow the operation (406).
     *
     * @param certificateId the certificate, as the caller named it
     * @param status the certificate's status that does not allow the operation
     * @param message the explanation, safe to show to the caller
     */
    record CertificateState(CertificateId certificateId, CertificateStatus status, String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @param status the certificate's status that does not allow the operation
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
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

    /**
     * Policies or things are still attached, so the certificate cannot be transferred (409).
     *
     * @param certificateId the certificate, as the caller named it
     */
    record TransferConflict(CertificateId certificateId) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @throws NullPointerException if a component is null
         */
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

    /**
     * Policies or things are still attached, so the certificate cannot be deleted (409).
     *
     * @param certificateId the certificate, as the caller named it
     * @param message the explanation, safe to show to the caller
     */
    record DeleteConflict(CertificateId certificateId, String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public DeleteConflict {
            Objects.requireNonNull(certificateId, "certificateId");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.DELETE_CONFLICT;
        }
    }

    /**
     * A certificate with this id is already registered (409).
     *
     * @param certificateId the certificate, as the caller named it
     */
    record AlreadyExists(CertificateId certificateId) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @throws NullPointerException if a component is null
         */
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

    /**
     * The certificate's most recent transfer is already complete: accepted, rejected, cancelled or expired (410).
     *
     * @param certificateId the certificate, as the caller named it
     * @param outcome how the most recent transfer ended: accepted, rejected, cancelled or expired
     */
    record TransferAlreadyCompleted(CertificateId certificateId, TransferStatus outcome) implements Refusal {
        /**
         * The refusal.
         *
         * @param certificateId the certificate, as the caller named it
         * @param outcome how the most recent transfer ended: accepted, rejected, cancelled or expired
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code outcome} is {@code PENDING}
         */
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
                    + (outcome == TransferStatus.EXPIRED
                            ? "the transfer expired"
                            : outcome.name().toLowerCase(java.util.Locale.ROOT))
                    + ")";
        }
    }

    /**
     * The call was not carried out because it kept losing the compare-and-set race (or a host's rate limit said
     * no); nothing was written, and the caller may try again (400 ThrottlingException).
     *
     * @param message the explanation, safe to show to the caller
     */
    record Throttled(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public Throttled {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.THROTTLED;
        }
    }

    /**
     * Registering or accepting the certificate would take the caller's account past its quota of certificates or of
     * PEM bytes (docs/behaviour.md#15-account-quotas), or attaching would pass the most policies or things a
     * certificate has (410 LimitExceededException).
     *
     * @param message the explanation, safe to show to the caller: it speaks only of the caller's own account
     */
    record LimitExceeded(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation, safe to show to the caller
         * @throws NullPointerException if a component is null
         */
        public LimitExceeded {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.LIMIT_EXCEEDED;
        }
    }

    /**
     * The thing does not exist in the caller's account (404).
     *
     * @param thingName the thing, as the caller named it
     */
    record ThingNotFound(ThingName thingName) implements Refusal {
        /**
         * The refusal.
         *
         * @param thingName the thing, as the caller named it
         * @throws NullPointerException if a component is null
         */
        public ThingNotFound {
            Objects.requireNonNull(thingName, "thingName");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.NOT_FOUND;
        }

        @Override
        public String message() {
            return "The thing " + thingName + " does not exist";
        }
    }

    /**
     * The policy does not exist in the caller's account (404).
     *
     * @param policyName the policy, as the caller named it
     */
    record PolicyNotFound(PolicyName policyName) implements Refusal {
        /**
         * The refusal.
         *
         * @param policyName the policy, as the caller named it
         * @throws NullPointerException if a component is null
         */
        public PolicyNotFound {
            Objects.requireNonNull(policyName, "policyName");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.NOT_FOUND;
        }

        @Override
        public String message() {
            return "The policy " + policyName + " does not exist";
        }
    }

    /**
     * A thing of this name exists in the caller's account with other attributes (409).
     *
     * @param thingName the thing
     */
    record ThingAlreadyExists(ThingName thingName) implements Refusal {
        /**
         * The refusal.
         *
         * @param thingName the thing
         * @throws NullPointerException if a component is null
         */
        public ThingAlreadyExists {
            Objects.requireNonNull(thingName, "thingName");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.ALREADY_EXISTS;
        }

        @Override
        public String message() {
            return "The thing " + thingName + " already exists with different attributes";
        }
    }

    /**
     * A policy of this name exists in the caller's account (409).
     *
     * @param policyName the policy
     */
    record PolicyAlreadyExists(PolicyName policyName) implements Refusal {
        /**
         * The refusal.
         *
         * @param policyName the policy
         * @throws NullPointerException if a component is null
         */
        public PolicyAlreadyExists {
            Objects.requireNonNull(policyName, "policyName");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.ALREADY_EXISTS;
        }

        @Override
        public String message() {
            return "The policy " + policyName + " already exists";
        }
    }

    /**
     * The policy is attached to a target and cannot be deleted (409 DeleteConflictException).
     *
     * @param policyName the policy
     */
    record PolicyDeleteConflict(PolicyName policyName) implements Refusal {
        /**
         * The refusal.
         *
         * @param policyName the policy
         * @throws NullPointerException if a component is null
         */
        public PolicyDeleteConflict {
            Objects.requireNonNull(policyName, "policyName");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.DELETE_CONFLICT;
        }

        @Override
        public String message() {
            return "The policy " + policyName + " is attached to one or more targets; detach it before deleting it";
        }
    }

    /**
     * The policy document is not a JSON object, or too long (400 MalformedPolicyException).
     *
     * @param message the explanation, safe to show to the caller (it does not quote the document)
     */
    record MalformedPolicy(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation
         * @throws NullPointerException if a component is null
         */
        public MalformedPolicy {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.MALFORMED_POLICY;
        }
    }

    /**
     * The caller's {@code expectedVersion} is not the thing's version (409 VersionConflictException).
     *
     * @param message the explanation, safe to show to the caller
     */
    record VersionConflict(String message) implements Refusal {
        /**
         * The refusal.
         *
         * @param message the explanation
         * @throws NullPointerException if a component is null
         */
        public VersionConflict {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public RefusalCode code() {
            return RefusalCode.VERSION_CONFLICT;
        }
    }
}
