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
import java.util.function.Function;
import java.util.function.Predicate;

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
        return attach(
                policy.isDefined() ? Option.none() : Option.some(new Refusal.PolicyNotFound(name)),
                current,
                target,
                caller,
                region,
                c -> c.attachments().policies().contains(name),
                c -> c.attachments().policies().size() >= CertificateAttachments.MAX_POLICIES,
                "A certificate has at most " + CertificateAttachments.MAX_POLICIES + " policies attached",
                c -> new PolicyAttached(c.id(), caller, name, c.status(), at, c.nextVersion()));
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
        return detach(
                policy.isDefined() ? Option.none() : Option.some(new Refusal.PolicyNotFound(name)),
                current,
                target,
                caller,
                region,
                c -> c.attachments().policies().contains(name),
                c -> new PolicyDetached(c.id(), caller, name, c.status(), at, c.nextVersion()));
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
        return attach(
                thing.isDefined() ? Option.none() : Option.some(new Refusal.ThingNotFound(name)),
                current,
                principal,
                caller,
                region,
                c -> c.attachments().things().contains(name),
                c -> c.attachments().things().size() >= CertificateAttachments.MAX_THINGS,
                "A certificate is attached to at most " + CertificateAttachments.MAX_THINGS + " things",
                c -> new ThingAttached(c.id(), caller, name, c.status(), at, c.nextVersion()));
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
        return detach(
                thing.isDefined() ? Option.none() : Option.some(new Refusal.ThingNotFound(name)),
                current,
                principal,
                caller,
                region,
                c -> c.attachments().things().contains(name),
                c -> new ThingDetached(c.id(), caller, name, c.status(), at, c.nextVersion()));
    }

    /**
     * The attach rule, once for policies and things, in its order: the policy or thing is the caller's
     * ({@code missing} otherwise), the certificate is the caller's, it is not pending transfer, attached already
     * changes nothing, and the limit.
     */
    private static <E> Either<Refusal, Option<E>> attach(
            Option<Refusal> missing,
            Option<Certificate> current,
            CertificateArn arn,
            Principal caller,
            Region region,
            Predicate<Certificate> attached,
            Predicate<Certificate> full,
            String limit,
            Function<Certificate, E> event) {
        if (missing.isDefined()) {
            return Either.left(missing.get());
        }
        return ownedByCaller(current, arn, caller, region)
                .flatMap(AttachmentRules::notPendingTransfer)
                .flatMap(c -> {
                    if (attached.test(c)) {
                        return Either.right(Option.none());
                    }
                    if (full.test(c)) {
                        return Either.left(new Refusal.LimitExceeded(limit));
                    }
                    return Either.right(Option.some(event.apply(c)));
                });
    }

    /**
     * The detach rule, once for policies and things: the policy or thing is the caller's, the certificate is the
     * caller's, and what is not attached changes nothing.
     */
    private static <E> Either<Refusal, Option<E>> detach(
            Option<Refusal> missing,
            Option<Certificate> current,
            CertificateArn arn,
            Principal caller,
            Region region,
            Predicate<Certificate> attached,
            Function<Certificate, E> event) {
        if (missing.isDefined()) {
            return Either.left(missing.get());
        }
        return ownedByCaller(current, arn, caller, region)
                .map(c -> attached.test(c) ? Option.some(event.apply(c)) : Option.none());
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
