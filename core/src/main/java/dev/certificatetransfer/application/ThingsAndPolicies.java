package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingArn;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.rules.RegistryRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CommitOutcome;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * CreateThing, DescribeThing, DeleteThing, CreatePolicy, GetPolicy and DeletePolicy: look up in the caller's
 * account, decide ({@link RegistryRules}), write, and decide again when the write lost a race. One class for the six:
 * each is a lookup, a rule and one write.
 */
final class ThingsAndPolicies {

    /** The refusal of every registry call when the repository keeps no things or policies. */
    static final Refusal NO_REGISTRY = new Refusal.InvalidRequest(
            "This deployment keeps no things or policies: its repository is not a RegistryRepository");

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final Option<RegistryRepository> registry;
    private final Supplier<Instant> clock;
    private final Supplier<UUID> thingIds;
    private final Region region;

    ThingsAndPolicies(
            AuthorizationCheck authorization,
            CommitLoop commitLoop,
            Option<RegistryRepository> registry,
            Supplier<Instant> clock,
            Supplier<UUID> thingIds,
            Region region) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.registry = registry;
        this.clock = clock;
        this.thingIds = thingIds;
        this.region = region;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Thing> createThing(Principal caller, ThingName name, ThingAttributes attributes) {
        return authorizedRegistry(caller, IotAction.CREATE_THING, new ThingArn(region, caller.account(), name))
                .flatMap(store -> commitLoop.retry("thing " + name, () -> {
                    var found = store.findThing(caller.account(), name);
                    var decided =
                            RegistryRules.createThing(found, name, attributes, caller.account(), thingIds.get(), now());
                    if (decided.isLeft() || found.isDefined()) {
                        return Option.some(decided);
                    }
                    return store.createThing(decided.get()) == CommitOutcome.COMMITTED
                            ? Option.some(decided)
                            : Option.none();
                }));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Thing> describeThing(Principal caller, ThingName name) {
        return authorizedRegistry(caller, IotAction.DESCRIBE_THING, new ThingArn(region, caller.account(), name))
                .flatMap(store -> RegistryRules.describeThing(store.findThing(caller.account(), name), name));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Thing> deleteThing(Principal caller, ThingName name, Option<Long> expectedVersion) {
        return authorizedRegistry(caller, IotAction.DELETE_THING, new ThingArn(region, caller.account(), name))
                .flatMap(store -> commitLoop.retry("thing " + name, () -> {
                    var found = store.findThing(caller.account(), name);
                    boolean attached = found.isDefined()
                            && !store.listThingPrincipals(caller.account(), name, Option.none(), 1)
                                    .isEmpty();
                    var decided = RegistryRules.deleteThing(found, name, expectedVersion, attached);
                    if (decided.isLeft()) {
                        return Option.some(decided);
                    }
                    return store.deleteThing(decided.get()) == CommitOutcome.COMMITTED
                            ? Option.some(decided)
                            : Option.none();
                }));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, IotPolicy> createPolicy(Principal caller, PolicyName name, PolicyDocument document) {
        return authorizedRegistry(caller, IotAction.CREATE_POLICY, new PolicyArn(region, caller.account(), name))
                .flatMap(store -> commitLoop.retry("policy " + name, () -> {
                    var decided = RegistryRules.createPolicy(
                            store.findPolicy(caller.account(), name), name, document, caller.account(), now());
                    if (decided.isLeft()) {
                        return Option.some(decided);
                    }
                    return store.createPolicy(decided.get()) == CommitOutcome.COMMITTED
                            ? Option.some(decided)
                            : Option.none();
                }));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, IotPolicy> getPolicy(Principal caller, PolicyName name) {
        return authorizedRegistry(caller, IotAction.GET_POLICY, new PolicyArn(region, caller.account(), name))
                .flatMap(store -> RegistryRules.getPolicy(store.findPolicy(caller.account(), name), name));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, IotPolicy> deletePolicy(Principal caller, PolicyName name) {
        return authorizedRegistry(caller, IotAction.DELETE_POLICY, new PolicyArn(region, caller.account(), name))
                .flatMap(store -> commitLoop.retry("policy " + name, () -> {
                    var found = store.findPolicy(caller.account(), name);
                    boolean attached = found.isDefined()
                            && !store.listPolicyTargets(caller.account(), name, Option.none(), 1)
                                    .isEmpty();
                    var decided = RegistryRules.deletePolicy(found, name, attached);
                    if (decided.isLeft()) {
                        return Option.some(decided);
                    }
                    return store.deletePolicy(decided.get()) == CommitOutcome.COMMITTED
                            ? Option.some(decided)
                            : Option.none();
                }));
    }

    private Either<Refusal, RegistryRepository> authorizedRegistry(
            Principal caller, IotAction action, Resource resource) {
        return authorization.authorize(caller, action, resource).flatMap(allowed -> registry.toEither(NO_REGISTRY));
    }

    private Instant now() {
        return clock.get();
    }
}
