package dev.certificatetransfer.adapter.authorization;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.Permission;

/**
 * An {@link Authorizer} that allows every authenticated principal every action: the domain's visibility and role
 * rules still apply, so an account only ever touches its own certificates and transfers. (Authentication is the
 * host's job: a {@link Principal} exists only for a caller who passed it.) Stateless, so thread-safe.
 */
public final class AllowAuthenticatedAuthorizer implements Authorizer {

    /** An authorizer that allows every authenticated principal every action. */
    public AllowAuthenticatedAuthorizer() {
        // nothing to configure
    }

    @Override
    public Permission authorize(Principal principal, IotAction action, Resource resource) {
        return Permission.ALLOWED;
    }
}
