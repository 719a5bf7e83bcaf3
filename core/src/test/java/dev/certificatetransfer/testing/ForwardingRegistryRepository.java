package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CommitOutcome;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * A repository that is also a registry and hands every call of both ports to another one, so that a service built on
 * it keeps things and policies; tests override the calls whose behaviour they bend.
 */
public abstract class ForwardingRegistryRepository extends ForwardingCertificateRepository
        implements RegistryRepository {

    private final RegistryRepository registry;

    protected <R extends CertificateRepository & RegistryRepository> ForwardingRegistryRepository(R delegate) {
        super(delegate);
        this.registry = delegate;
    }

    @Override
    public Option<Thing> findThing(AccountId owner, ThingName name) {
        return registry.findThing(owner, name);
    }

    @Override
    public CommitOutcome createThing(Thing thing) {
        return registry.createThing(thing);
    }

    @Override
    public CommitOutcome deleteThing(Thing thing) {
        return registry.deleteThing(thing);
    }

    @Override
    public Seq<CertificateId> listThingPrincipals(
            AccountId owner, ThingName thing, Option<CertificateId> after, int limit) {
        return registry.listThingPrincipals(owner, thing, after, limit);
    }

    @Override
    public Option<IotPolicy> findPolicy(AccountId owner, PolicyName name) {
        return registry.findPolicy(owner, name);
    }

    @Override
    public CommitOutcome createPolicy(IotPolicy policy) {
        return registry.createPolicy(policy);
    }

    @Override
    public CommitOutcome deletePolicy(IotPolicy policy) {
        return registry.deletePolicy(policy);
    }

    @Override
    public Seq<CertificateId> listPolicyTargets(
            AccountId owner, PolicyName policy, Option<CertificateId> after, int limit) {
        return registry.listPolicyTargets(owner, policy, after, limit);
    }
}
