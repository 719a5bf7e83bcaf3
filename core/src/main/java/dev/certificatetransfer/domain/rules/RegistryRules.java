package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.UUID;

/**
 * Things and policies of an account, in one place: for CreateThing, DescribeThing, DeleteThing, CreatePolicy,
 * GetPolicy and DeletePolicy, the decision after the input and the Authorizer
 * (docs/behaviour.md#17-things-policies-and-attachments). Things and policies belong to the caller's account: another
 * account's are not found. All pure functions.
 */
public final class RegistryRules {

    private RegistryRules() {}

    /**
     * CreateThing: a new thing at version 1; a thing of that name with the same attributes is the answer as it is
     * (right, {@code existing}), with other attributes ALREADY_EXISTS.
     */
    public static Either<Refusal, Thing> createThing(
            Option<Thing> existing,
            ThingName name,
            ThingAttributes attributes,
            AccountId owner,
            UUID newId,
            Instant at) {
        if (existing.isDefined()) {
            return existing.get().attributes().equals(attributes)
                    ? Either.right(existing.get())
                    : Either.left(new Refusal.ThingAlreadyExists(name));
        }
        return Either.right(new Thing(name, owner, newId, attributes, 1, at));
    }

    /** DescribeThing: NOT_FOUND unless the caller's account has the thing. */
    public static Either<Refusal, Thing> describeThing(Option<Thing> found, ThingName name) {
        return found.toEither(() -> new Refusal.ThingNotFound(name));
    }

    /**
     * DeleteThing: NOT_FOUND unless the caller's account has it; VERSION_CONFLICT if {@code expectedVersion} is
     * given and not the thing's; INVALID_REQUEST while any certificate is attached to it.
     */
    public static Either<Refusal, Thing> deleteThing(
            Option<Thing> found, ThingName name, Option<Long> expectedVersion, boolean hasPrincipals) {
        return describeThing(found, name)
                .flatMap(t -> expectedVersion.isDefined() && expectedVersion.get() != t.version()
                        ? Either.left(new Refusal.VersionConflict("The thing " + name + " is at version " + t.version()
                                + ", not " + expectedVersion.get()))
                        : Either.right(t))
                .flatMap(t -> hasPrincipals
                        ? Either.left(new Refusal.InvalidRequest(
                                "Certificates are attached to the thing " + name + "; detach them before deleting it"))
                        : Either.right(t));
    }

    /** CreatePolicy: ALREADY_EXISTS if the caller's account has a policy of that name. */
    public static Either<Refusal, IotPolicy> createPolicy(
            Option<IotPolicy> existing, PolicyName name, PolicyDocument document, AccountId owner, Instant at) {
        return existing.isDefined()
                ? Either.left(new Refusal.PolicyAlreadyExists(name))
                : Either.right(new IotPolicy(name, owner, document, at));
    }

    /** GetPolicy: NOT_FOUND unless the caller's account has the policy. */
    public static Either<Refusal, IotPolicy> getPolicy(Option<IotPolicy> found, PolicyName name) {
        return found.toEither(() -> new Refusal.PolicyNotFound(name));
    }

    /** DeletePolicy: NOT_FOUND unless the caller's account has it; DELETE_CONFLICT while it is attached to a target. */
    public static Either<Refusal, IotPolicy> deletePolicy(
            Option<IotPolicy> found, PolicyName name, boolean hasTargets) {
        return getPolicy(found, name)
                .flatMap(p -> hasTargets ? Either.left(new Refusal.PolicyDeleteConflict(name)) : Either.right(p));
    }
}
