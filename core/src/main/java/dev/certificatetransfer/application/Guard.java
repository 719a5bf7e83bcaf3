package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.Authorizer;
import dev.certificatetransfer.port.Authorizer.AuthorizationDecision;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * Check 2 of every operation: asks the {@link Authorizer} before anything is loaded. The resource is the
 * certificate's ARN under the caller's own account, so the answer cannot reveal whether, or by whom, the
 * certificate is owned.
 */
final class Guard {

    private static final Rejection DENIED = new Rejection.NotAuthorized("You are not authorized to perform this operation");

    private final Authorizer authorizer;
    private final Region region;

    Guard(Authorizer authorizer, Region region) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.region = Objects.requireNonNull(region, "region");
    }

    Either<Rejection, Principal> authorize(Principal caller, IotAction action, CertificateId id) {
        return decide(caller, action, new CertificateArn(region, caller.account(), id));
    }

    Either<Rejection, Principal> authorize(Principal caller, IotAction action) {
        return decide(caller, action, Resource.ANY);
    }

    private Either<Rejection, Principal> decide(Principal caller, IotAction action, Resource resource) {
        return authorizer.authorize(caller, action, resource) == AuthorizationDecision.ALLOWED
                ? Either.right(caller)
                : Either.left(DENIED);
    }
}
