package dev.certificatetransfer.adapter.http;

/**
 * The wire format a translation layer speaks, chosen when it is built (docs/behaviour.md#13-on-the-wire). Both
 * share the route table, the parsing of input and the {@link WireError} table; they differ in how answers are
 * written and in authentication.
 */
public enum Dialect {
    /**
     * AWS's restJson1, as the AWS SDKs and the AWS CLI expect it: AWS's output members (an empty body for the
     * operations without output), errors as {@code x-amzn-ErrorType} and {@code {"message": ...}}, a request id in
     * {@code x-amzn-RequestId}; requests authenticated with Signature Version 4. Accounts are AWS's 12 digits only:
     * another account in {@code targetAwsAccount} is an InvalidRequestException, a caller of another account is
     * refused as unrecognized, and no answer names one (docs/behaviour.md#13-on-the-wire).
     */
    AWS,
    /**
     * A JSON envelope for plain HTTP clients: {@code {"success": true, "data": ...}} or
     * {@code {"success": false, "error": {"code": ..., "message": ...}}}, a request id in {@code x-request-id};
     * requests authenticated with {@code Authorization: Bearer <token>}. Accounts are every id the core takes, tenant
     * ids included.
     */
    ENVELOPE
}
