package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.Permission;
import io.vavr.control.Either;

import java.util.Objects;

/**
 * Check 2 of every operation: asks the {@link Authorizer} before anything is loaded. The resource is the
 * certificate's ARN under the caller's own account, so the answer cannot reveal whether, or by whom, the
 * certificate is owned.
 */
final class AuthorizationCheck {

    private static final Refusal REFUSED = new Refusal.Unauthorized("You are not authorized to perform this operation");

    private final Authorizer authorizer;
    private final Region region;

    AuthorizationCheck(Authorizer authorizer, Region region) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.region = Objects.requireNonNull(region, "region");
    }

    Either<Refusal, Principal> authorize(Principal caller, IotAction action, CertificateId id) {
        return decide(caller, action, new CertificateArn(region, caller.account(), id));
    }

    Either<Refusal, Principal> authorize(Principal caller, IotAction action) {
        return decide(caller, action, Resource.ANY);
    }

    /** The Authorizer's answer for a thing's or policy's ARN, or the certificate ARN a caller named. */
    Either<Refusal, Principal> authorize(Principal caller, IotAction action, Resource resource) {
        return decide(caller, action, resource);
    }

    private Either<Refusal, Principal> decide(Principal caller, IotAction action, Resource resource) {
        return authorizer.authorize(caller, action, resource) == Permission.ALLOWED
                ? Either.right(caller)
                : Either.left(REFUSED);
    }
}
