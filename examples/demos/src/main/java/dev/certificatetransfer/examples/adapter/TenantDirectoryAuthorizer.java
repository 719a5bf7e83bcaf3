package dev.certificatetransfer.examples.adapter;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.Permission;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A custom inbound-side adapter: answers the {@link Authorizer} port from the host's own tenant directory instead of
 * IAM policies. Here the directory is a map of tenants and their plans: a tenant on the {@code READ_ONLY} plan may
 * look (describe, list) but not move certificates; an unknown tenant may do nothing. A real host would look its
 * tenants up in its own database or identity service; the service asks before it reads the certificate, so the answer
 * never reveals whether a certificate exists.
 */
public final class TenantDirectoryAuthorizer implements Authorizer {

    /** What a tenant's plan lets it do. */
    public enum Plan {
        FULL,
        READ_ONLY
    }

    private static final Set<IotAction> READS = EnumSet.of(
            IotAction.DESCRIBE_CERTIFICATE, IotAction.LIST_CERTIFICATES, IotAction.LIST_OUTGOING_CERTIFICATES);

    private final Map<AccountId, Plan> tenants = new ConcurrentHashMap<>();

    /** Records (or changes) a tenant's plan; returns this directory. */
    public TenantDirectoryAuthorizer tenant(AccountId account, Plan plan) {
        tenants.put(account, plan);
        return this;
    }

    @Override
    public Permission authorize(Principal principal, IotAction action, Resource resource) {
        var plan = tenants.get(principal.account());
        if (plan == Plan.FULL || (plan == Plan.READ_ONLY && READS.contains(action))) {
            return Permission.ALLOWED;
        }
        return Permission.REFUSED;
    }
}
