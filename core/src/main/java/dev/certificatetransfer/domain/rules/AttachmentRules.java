package dev.certificatetransfer.domain.rules;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateAttachments;
import dev.certificatetransfer.domain.CertificateEvent.PolicyAttached;
import dev.certificatetransfer.domain.CertificateEvent.PolicyDetached;
import dev.certificatetransfer.domain.CertificateEvent.ThingAttached;
import dev.certificatetransfer.domain.CertificateEvent.ThingDetached;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.domain.ThingName;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Attaching policies and things to a certificate, in one place: for AttachPolicy, DetachPolicy,
 * AttachThingPrincipal and DetachThingPrincipal, the decision (the checks in the order of
 * docs/behaviour.md#17-things-policies-and-attachments, after the input and the Authorizer, and the event it
 * produces) and the state change that event makes. An attach or detach is a change of the certificate, at its next
 * version, so the compare-and-set orders it against a transfer or a deletion of the same certificate. All pure
 * functions.
 */
public final class AttachmentRules {

    private AttachmentRules() {}

    /**
     * AttachPolicy: the policy must be the caller's ({@code policy}, looked up in the caller's account) and the
     * certificate owned by the caller; nothing is attached to a certificate pending transfer; attaching what is
     * attached already changes nothing; at most {@value CertificateAttachments#MAX_POLICIES} policies.
     */
    public static Either<Refusal, Option<PolicyAttached>> attachPolicy(
            Option<IotPolicy> policy,
            PolicyName name,
            Option<Certificate> current,
            CertificateArn target,
            Principal caller,
            Region region,
            Instant at) {
        return policy.toEither(() -> (Refusal) new Refusal.PolicyNotFound(name))
                .flatMap(p -> ownedByCaller(current, target, caller, region))
                .flatMap(AttachmentRules::notPendingTransfer)
                .flatMap(c -> {
                    if (c.attachments().policies().contains(name)) {
                        return Either.right(Option.none());
                    }
                    if (c.attachments().policies().size() >= CertificateAttachments.MAX_POLICIES) {
                        return Either.left(new Refusal.LimitExceeded("A certificate has at most "
                                + CertificateAttachments.MAX_POLICIES + " policies attached"));
                    }
                    return Either.right(
                            Option.some(new PolicyAttached(c.id(), caller, name, c.status(), at, c.nextVersion())));
                });
    }

    /**
     * DetachPolicy: the policy must be the caller's and the certificate owned by the caller; detaching what is not
     * attached changes nothing.
     */
    public static Either<Refusal, Option<PolicyDetached>> detachPolicy(
            Option<IotPolicy> policy,
            PolicyName name,
            Option<Certificate> current,
            CertificateArn target,
            Principal caller,
            Region region,
            Instant at) {
        return policy.toEither(() -> (Refusal) new Refusal.PolicyNotFound(name))
                .flatMap(p -> ownedByCaller(current, target, caller, region))
                .map(c -> c.attachments().policies().contains(name)
                        ? Option.some(new PolicyDetached(c.id(), caller, name, c.status(), at, c.nextVersion()))
                        : Option.none());
    }

    /**
     * AttachThingPrincipal: the thing must be the caller's ({@code thing}, looked up in the caller's account) and the
     * certificate owned by the caller; nothing is attached to a certificate pending transfer; attaching what is
     * attached already changes nothing; at most {@value CertificateAttachments#MAX_THINGS} things.
     */
    public static Either<Refusal, Option<ThingAttached>> attachThing(
            Option<Thing> thing,
            ThingName name,
            Option<Certificate> current,
            CertificateArn principal,
            Principal caller,
            Region region,
            Instant at) {
        return thing.toEither(() -> (Refusal) new Refusal.ThingNotFound(name))
                .flatMap(t -> ownedByCaller(current, principal, caller, region))
                .flatMap(AttachmentRules::notPendingTransfer)
                .flatMap(c -> {
                    if (c.attachments().things().contains(name)) {
                        return Either.right(Option.none());
                    }
                    if (c.attachments().things().size() >= CertificateAttachments.MAX_THINGS) {
                        return Either.left(new Refusal.LimitExceeded("A certificate is attached to at most "
                                + CertificateAttachments.MAX_THINGS + " things"));
                    }
                    return Either.right(
                            Option.some(new ThingAttached(c.id(), caller, name, c.status(), at, c.nextVersion())));
                });
    }

    /**
     * DetachThingPrincipal: the thing must be the caller's and the certificate owned by the caller; detaching what
     * is not attached changes nothing.
     */
    public static Either<Refusal, Option<ThingDetached>> detachThing(
            Option<Thing> thing,
            ThingName name,
            Option<Certificate> current,
            CertificateArn principal,
            Principal caller,
            Region region,
            Instant at) {
        return thing.toEither(() -> (Refusal) new Refusal.ThingNotFound(name))
                .flatMap(t -> ownedByCaller(current, principal, caller, region))
                .map(c -> c.attachments().things().contains(name)
                        ? Option.some(new ThingDetached(c.id(), caller, name, c.status(), at, c.nextVersion()))
                        : Option.none());
    }

    /**
     * The certificate an ARN names, if the caller owns it: NOT_FOUND unless the ARN is of this deployment's region
     * and of the caller's account, and the caller owns the certificate now (a transfer's target does not, until it
     * accepts). ListAttachedPolicies and ListPrincipalThings ask the same.
     */
    public static Either<Refusal, Certificate> ownedByCaller(
            Option<Certificate> current, CertificateArn arn, Principal caller, Region region) {
        return current.filter(c -> arn.region().equals(region)
                        && arn.account().equals(caller.account())
                        && c.owner().equals(caller.account()))
                .toEither(() -> new Refusal.NotFound(arn.certificateId()));
    }

    /** The state change of an attached policy. */
    public static Certificate policyAttached(Certificate c, PolicyAttached e) {
        return c.reattach(c.attachments().with(e.policy()), e);
    }

    /** The state change of a detached policy. */
    public static Certificate policyDetached(Certificate c, PolicyDetached e) {
        return c.reattach(c.attachments().without(e.policy()), e);
    }

    /** The state change of an attached thing. */
    public static Certificate thingAttached(Certificate c, ThingAttached e) {
        return c.reattach(c.attachments().with(e.thing()), e);
    }

    /** The state change of a detached thing. */
    public static Certificate thingDetached(Certificate c, ThingDetached e) {
        return c.reattach(c.attachments().without(e.thing()), e);
    }

    private static Either<Refusal, Certificate> notPendingTransfer(Certificate c) {
        return c.status() == CertificateStatus.PENDING_TRANSFER
                ? Either.left(new Refusal.InvalidRequest("The certificate " + c.id()
                        + " is pending transfer: nothing can be attached to it until the transfer ends"))
                : Either.right(c);
    }
}
