package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Option;

/**
 * An error answer before a dialect writes it: its row of the {@link WireError} table, the AWS error type to send
 * (the row's, or the authenticator's for a 403), a message safe to show, and for ResourceAlreadyExistsException
 * the {@code resourceId} member AWS adds.
 */
record WireRefusal(WireError error, String awsType, String message, Option<CertificateId> resourceId) {

    static WireRefusal of(WireError error, String message) {
        return new WireRefusal(error, error.awsType(), message, Option.none());
    }

    static WireRefusal of(Refusal refusal) {
        var error = WireError.of(refusal.code());
        var resource = refusal instanceof Refusal.AlreadyExists exists
                ? Option.some(exists.certificateId())
                : Option.<CertificateId>none();
        return new WireRefusal(error, error.awsType(), refusal.message(), resource);
    }

    static WireRefusal of(AuthenticationRefusal refusal) {
        return new WireRefusal(WireError.NOT_AUTHENTICATED, refusal.code().awsType(), refusal.message(), Option.none());
    }
}
