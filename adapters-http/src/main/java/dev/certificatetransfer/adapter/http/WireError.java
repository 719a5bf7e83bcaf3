package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.domain.RefusalCode;

/**
 * The one table of every error either dialect sends: its HTTP status, its AWS error type ({@code x-amzn-ErrorType})
 * and its envelope code, as docs/behaviour.md#13-on-the-wire lists them. The first thirteen rows are the core's
 * {@link RefusalCode}s (docs/behaviour.md#2-answers-codes-aws-errors-http-statuses); the others are refusals of the
 * HTTP edge itself.
 */
public enum WireError {
    /** {@link RefusalCode#INVALID_REQUEST}: 400. */
    INVALID_REQUEST(400, "InvalidRequestException", "VALIDATION_ERROR"),
    /** {@link RefusalCode#CERTIFICATE_VALIDATION}: 400. */
    CERTIFICATE_VALIDATION(400, "CertificateValidationException", "VALIDATION_ERROR"),
    /** {@link RefusalCode#UNAUTHORIZED}: 401. */
    UNAUTHORIZED(401, "UnauthorizedException", "UNAUTHORIZED"),
    /** {@link RefusalCode#NOT_FOUND}: 404. */
    NOT_FOUND(404, "ResourceNotFoundException", "NOT_FOUND"),
    /** {@link RefusalCode#CERTIFICATE_STATE}: 406. */
    CERTIFICATE_STATE(406, "CertificateStateException", "CERTIFICATE_STATE"),
    /** {@link RefusalCode#TRANSFER_CONFLICT}: 409. */
    TRANSFER_CONFLICT(409, "TransferConflictException", "TRANSFER_CONFLICT"),
    /** {@link RefusalCode#DELETE_CONFLICT}: 409. */
    DELETE_CONFLICT(409, "DeleteConflictException", "DELETE_CONFLICT"),
    /**
     * {@link RefusalCode#ALREADY_EXISTS}: 409, with the AWS dialect's {@code resourceId} member (the certificate id,
     * or the thing's or policy's name).
     */
    ALREADY_EXISTS(409, "ResourceAlreadyExistsException", "ALREADY_EXISTS"),
    /** {@link RefusalCode#TRANSFER_ALREADY_COMPLETED}: 410. */
    TRANSFER_ALREADY_COMPLETED(410, "TransferAlreadyCompletedException", "TRANSFER_ALREADY_COMPLETED"),
    /**
     * {@link RefusalCode#THROTTLED}, and the edge's {@link Throttle}: 400, not 429 (AWS's ThrottlingException, which
     * the SDKs retry).
     */
    THROTTLED(400, "ThrottlingException", "THROTTLED"),
    /**
     * {@link RefusalCode#LIMIT_EXCEEDED}: 410, AWS IoT's LimitExceededException (which botocore, so the AWS CLI,
     * retries as if throttled).
     */
    LIMIT_EXCEEDED(410, "LimitExceededException", "LIMIT_EXCEEDED"),
    /** {@link RefusalCode#MALFORMED_POLICY}: 400, an invalid request's envelope code. */
    MALFORMED_POLICY(400, "MalformedPolicyException", "VALIDATION_ERROR"),
    /** {@link RefusalCode#VERSION_CONFLICT}: 409. */
    VERSION_CONFLICT(409, "VersionConflictException", "VERSION_CONFLICT"),

    /**
     * The request is not authenticated. AWS answers 403 with the authenticator's own error type
     * (MissingAuthenticationTokenException, UnrecognizedClientException, InvalidSignatureException); the envelope
     * answers its only authentication code, UNAUTHORIZED, with that code's status 401 (RFC 6750 section 3.1).
     */
    NOT_AUTHENTICATED(403, "MissingAuthenticationTokenException", "UNAUTHORIZED"),
    /** No operation has this path: what IoT answers for a request it cannot route. */
    NO_SUCH_PATH(404, "ResourceNotFoundException", "NOT_FOUND"),
    /** The path exists with other methods: Smithy's name for a request that selects no operation. */
    METHOD_NOT_ALLOWED(405, "UnknownOperationException", "VALIDATION_ERROR"),
    /** The body is over 64 KiB. */
    PAYLOAD_TOO_LARGE(413, "RequestEntityTooLargeException", "VALIDATION_ERROR"),
    /** The server is shutting down and takes no new request. */
    UNAVAILABLE(503, "ServiceUnavailableException", "INTERNAL"),
    /** A bug or broken infrastructure: never caused by what a client sends. */
    INTERNAL(500, "InternalFailureException", "INTERNAL");

    private final int status;
    private final String awsType;
    private final String envelopeCode;

    WireError(int status, String awsType, String envelopeCode) {
        this.status = status;
        this.awsType = awsType;
        this.envelopeCode = envelopeCode;
    }

    /**
     * The row of a core refusal code.
     *
     * @param code the code of a {@code Refusal}
     * @return its row, one of the first thirteen
     */
    public static WireError of(RefusalCode code) {
        return switch (code) {
            case INVALID_REQUEST -> INVALID_REQUEST;
            case CERTIFICATE_VALIDATION -> CERTIFICATE_VALIDATION;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case NOT_FOUND -> NOT_FOUND;
            case CERTIFICATE_STATE -> CERTIFICATE_STATE;
            case TRANSFER_CONFLICT -> TRANSFER_CONFLICT;
            case DELETE_CONFLICT -> DELETE_CONFLICT;
            case ALREADY_EXISTS -> ALREADY_EXISTS;
            case TRANSFER_ALREADY_COMPLETED -> TRANSFER_ALREADY_COMPLETED;
            case THROTTLED -> THROTTLED;
            case LIMIT_EXCEEDED -> LIMIT_EXCEEDED;
            case MALFORMED_POLICY -> MALFORMED_POLICY;
            case VERSION_CONFLICT -> VERSION_CONFLICT;
        };
    }

    /**
     * The status in the AWS dialect.
     *
     * @return the HTTP status
     */
    public int awsStatus() {
        return status;
    }

    /**
     * The status in the envelope dialect: the same, except 401 for an unauthenticated request.
     *
     * @return the HTTP status
     */
    public int envelopeStatus() {
        return this == NOT_AUTHENTICATED ? 401 : status;
    }

    /**
     * The AWS error type (for {@link #NOT_AUTHENTICATED}, the default: the authenticator's own type is sent).
     *
     * @return the {@code x-amzn-ErrorType} of the AWS dialect
     */
    public String awsType() {
        return awsType;
    }

    /**
     * The envelope's error code.
     *
     * @return the {@code error.code} of the envelope dialect
     */
    public String envelopeCode() {
        return envelopeCode;
    }
}
