package dev.certificatetransfer.adapter.http;

import dev.certificatetransfer.adapter.http.auth.AuthenticationRefusal;
import dev.certificatetransfer.domain.Refusal;
import io.vavr.control.Option;

/**
 * An error answer before a dialect writes it: its row of the {@link WireError} table, the AWS error type to send
 * (the row's, or the authenticator's for a 403), a message safe to show, and for ResourceAlreadyExistsException
 * the {@code resourceId} member AWS adds: the certificate's id, or the thing's or policy's name.
 */
record WireRefusal(WireError error, String awsType, String message, Option<String> resourceId) {

    static WireRefusal of(WireError error, String message) {
        return new WireRefusal(error, error.awsType(), message, Option.none());
    }

    static WireRefusal of(Refusal refusal) {
        var error = WireError.of(refusal.code());
        return new WireRefusal(error, error.awsType(), refusal.message(), resourceId(refusal));
    }

    static WireRefusal of(AuthenticationRefusal refusal) {
        return new WireRefusal(WireError.NOT_AUTHENTICATED, refusal.code().awsType(), refusal.message(), Option.none());
    }

    private static Option<String> resourceId(Refusal refusal) {
        if (refusal instanceof Refusal.AlreadyExists certificate) {
            return Option.some(certificate.certificateId().value());
        }
        if (refusal instanceof Refusal.ThingAlreadyExists thing) {
            return Option.some(thing.thingName().value());
        }
        if (refusal instanceof Refusal.PolicyAlreadyExists policy) {
            return Option.some(policy.policyName().value());
        }
        return Option.none();
    }
}
