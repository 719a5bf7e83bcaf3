// PLACEHOLDER: replaced by helper-sigv4's version
package dev.certificatetransfer.adapter.http.auth;

/** Why a request is not authenticated: an AWS error type (403) and a message without secrets. */
public record AuthenticationFailure(String errorType, String message) {
}
