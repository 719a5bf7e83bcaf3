package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationFailure;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Rejection;
import io.vavr.control.Option;

/**
 * An error answer before a dialect writes it: its row of the {@link WireError} table, the AWS error type to send
 * (the row's, or the authenticator's for a 403), a message safe to show, and for ResourceAlreadyExistsException
 * the {@code resourceId} member AWS adds.
 */
record Refusal(WireError error, String awsType, String message, Option<CertificateId> resourceId) {

    static Refusal of(WireError error, String message) {
        return new Refusal(error, error.awsType(), message, Option.none());
    }

    static Refusal of(Rejection rejection) {
        var error = WireError.of(rejection.code());
        var resource = rejection instanceof Rejection.AlreadyExists exists ? Option.some(exists.certificateId())
                : Option.<CertificateId>none();
        return new Refusal(error, error.awsType(), rejection.message(), resource);
    }

    static Refusal of(AuthenticationFailure failure) {
        var type = failure.errorType() == null || failure.errorType().isBlank()
                ? WireError.NOT_AUTHENTICATED.awsType() : failure.errorType();
        var message = failure.message() == null ? "The request is not authenticated" : failure.message();
        return new Refusal(WireError.NOT_AUTHENTICATED, type, message, Option.none());
    }
}
