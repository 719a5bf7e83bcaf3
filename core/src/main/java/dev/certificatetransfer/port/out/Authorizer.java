package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;

/**
 * Asks the host's identity system: may this principal perform {@code iot:<Operation>} on this resource?
 * Runs before the certificate is looked up, so its answer never depends on whether the certificate exists
 * (docs/behaviour.md, section 10). It only adds restrictions: the domain's visibility and role rules apply whatever
 * it answers. Implementations are called from many threads at once, so must be thread-safe.
 */
public interface Authorizer {

    /**
     * Whether the principal may perform the action on the resource; called once per call, before anything is
     * loaded. {@link Permission#REFUSED} makes the call answer {@code UNAUTHORIZED}.
     *
     * @param principal the authenticated caller
     * @param action the operation's IAM action, e.g. {@code iot:CancelCertificateTransfer}
     * @param resource the certificate's ARN under the caller's own account, or {@link Resource#ANY} for a listing
     * @return {@link Permission#ALLOWED} or {@link Permission#REFUSED}, never null
     */
    Permission authorize(Principal principal, IotAction action, Resource resource);
}
