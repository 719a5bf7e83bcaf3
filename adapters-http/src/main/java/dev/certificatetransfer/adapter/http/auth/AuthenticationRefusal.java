package dev.certificatetransfer.adapter.http.auth;

import java.util.Objects;

/**
 * Why a request is not authenticated: its {@link Code} and a message safe to show, which never holds a secret, a
 * token or the Authorization header. The AWS dialect answers it 403 with the code's AWS error type; the envelope
 * answers 401 {@code UNAUTHORIZED} (docs/behaviour.md#13-on-the-wire).
 *
 * @param code what kind of authentication refusal it is
 * @param message why, worded for the client
 */
public record AuthenticationRefusal(Code code, String message) {

    /** The kinds of authentication refusal, each with the error type AWS answers it with. */
    public enum Code {
        /** No credentials, or credentials that cannot be read (a missing or malformed Authorization header). */
        MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException"),
        /** The access key or the bearer token is unknown. */
        UNRECOGNIZED_CLIENT("UnrecognizedClientException"),
        /** The signature, its scope or its date does not hold. */
        INVALID_SIGNATURE("InvalidSignatureException");

        private final String awsType;

        Code(String awsType) {
            this.awsType = awsType;
        }

        /**
         * The AWS error type of this refusal.
         *
         * @return the {@code x-amzn-ErrorType} the AWS dialect sends
         */
        public String awsType() {
            return awsType;
        }
    }

    /**
     * A refusal.
     *
     * @param code what kind of authentication refusal it is
     * @param message why, worded for the client, without a secret
     * @throws NullPointerException if the code or the message is null
     */
    public AuthenticationRefusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /**
     * No credentials, or credentials that cannot be read.
     *
     * @param message why, without echoing what the client sent
     * @return a {@link Code#MISSING_AUTHENTICATION_TOKEN} refusal
     */
    public static AuthenticationRefusal missingToken(String message) {
        return new AuthenticationRefusal(Code.MISSING_AUTHENTICATION_TOKEN, message);
    }

    /**
     * An unknown access key, worded as AWS words it.
     *
     * @return an {@link Code#UNRECOGNIZED_CLIENT} refusal
     */
    public static AuthenticationRefusal unrecognizedClient() {
        return new AuthenticationRefusal(
                Code.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
    }

    /**
     * A signature, scope or date that does not hold.
     *
     * @param message why, without echoing a secret
     * @return an {@link Code#INVALID_SIGNATURE} refusal
     */
    public static AuthenticationRefusal invalidSignature(String message) {
        return new AuthenticationRefusal(Code.INVALID_SIGNATURE, message);
    }
}
