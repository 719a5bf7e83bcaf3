package dev.certificatetransfer.port;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;

/**
 * Asks the host's identity system: may this principal perform {@code iot:<Operation>} on this resource?
 * Runs before the certificate is looked up, so its answer never depends on whether the certificate exists.
 */
public interface Authorizer {

    AuthorizationDecision authorize(Principal principal, IotAction action, Resource resource);

    /** The Authorizer's answer. */
    enum AuthorizationDecision {
        ALLOWED,
        DENIED
    }
}
