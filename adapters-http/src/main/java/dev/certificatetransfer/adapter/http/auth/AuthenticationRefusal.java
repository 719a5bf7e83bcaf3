package dev.certificatetransfer.adapter.http.auth;

import java.util.Objects;

/**
 * Why a request is not authenticated: an AWS error type (always answered with HTTP 403) and a message without
 * secrets. The types are those of spec section 7, worded as AWS words them (see {@link SigV4Verifier}).
 */
public record AuthenticationRefusal(String errorType, String message) {

    /** No Authorization header, or one that cannot be read (spec section 7: "missing or malformed auth"). */
    public static final String MISSING_AUTHENTICATION_TOKEN = "MissingAuthenticationTokenException";
    /** The access key is unknown. */
    public static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";
    /** The signature, its scope or its date does not hold. */
    public static final String INVALID_SIGNATURE = "InvalidSignatureException";

    /** The HTTP status of every authentication failure. */
    public static final int STATUS = 403;

    public AuthenticationRefusal {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
    }

    static AuthenticationRefusal missingToken(String message) {
        return new AuthenticationRefusal(MISSING_AUTHENTICATION_TOKEN, message);
    }

    static AuthenticationRefusal unrecognizedClient() {
        return new AuthenticationRefusal(UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    static AuthenticationRefusal invalidSignature(String message) {
        return new AuthenticationRefusal(INVALID_SIGNATURE, message);
    }
}
