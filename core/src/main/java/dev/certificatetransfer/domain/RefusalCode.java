package dev.certificatetransfer.domain;

/**
 * The stable code of every refusal; adapters map these, and only these, to their wire formats.
 * The comment on each gives the AWS error type and HTTP status of docs/behaviour.md, section 2.
 */
public enum RefusalCode {
    /** InvalidRequestException, 400. */
    INVALID_REQUEST,
    /** CertificateValidationException, 400. */
    CERTIFICATE_VALIDATION,
    /** UnauthorizedException, 401. */
    UNAUTHORIZED,
    /** ResourceNotFoundException, 404. */
    NOT_FOUND,
    /** CertificateStateException, 406. */
    CERTIFICATE_STATE,
    /** TransferConflictException, 409. */
    TRANSFER_CONFLICT,
    /** DeleteConflictException, 409. */
    DELETE_CONFLICT,
    /** ResourceAlreadyExistsException, 409. */
    ALREADY_EXISTS,
    /** TransferAlreadyCompletedException, 410. */
    TRANSFER_ALREADY_COMPLETED,
    /** ThrottlingException, 400 (not 429): the call kept losing the compare-and-set race, or a rate limit. */
    THROTTLED,
    /**
     * LimitExceededException, 410: the account would own more certificates, or bytes of PEM, than its quota allows,
     * or a certificate more attachments than it may have.
     */
    LIMIT_EXCEEDED,
    /** MalformedPolicyException, 400: a policy document that is not a JSON object, or too long. */
    MALFORMED_POLICY,
    /** VersionConflictException, 409: a thing's {@code expectedVersion} that is not its version. */
    VERSION_CONFLICT
}
