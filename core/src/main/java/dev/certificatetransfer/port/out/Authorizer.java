package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;

/**
 * Asks the host's identity system: may this principal perform {@code iot:<Operation>} on this resource?
 * Runs before the certificate is looked up, so its answer never depends on whether the certificate exists.
 */
public interface Authorizer {

    /** Whether the principal may perform the action on the resource; called before anything is loaded. */
    Permission authorize(Principal principal, IotAction action, Resource resource);

}
