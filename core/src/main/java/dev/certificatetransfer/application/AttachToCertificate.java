package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotAction;
import dev.certificatetransfer.domain.PolicyArn;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.domain.Resource;
import dev.certificatetransfer.domain.ThingArn;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.rules.AttachmentRules;
import dev.certificatetransfer.domain.rules.RegistryRules;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.in.NameMarker;
import dev.certificatetransfer.port.in.NamePage;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.RegistryRepository;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.function.Function;

/**
 * AttachPolicy, DetachPolicy, AttachThingPrincipal, DetachThingPrincipal and the four listings of attachments. An
 * attach or detach is a change of the certificate through the {@link CommitLoop}: the policy or thing is looked up
 * again on every attempt, and the repository commits an attach only while it still exists, so an attach racing a
 * transfer, a deletion of the certificate, or a deletion of the policy or thing has one outcome. One class for the
 * eight: they share the lookups and the paging.
 */
final class AttachToCertificate {

    private final AuthorizationCheck authorization;
    private final CommitLoop commitLoop;
    private final CertificateRepository certificates;
    private final Option<RegistryRepository> registry;
    private final Region region;

    AttachToCertificate(
            AuthorizationCheck authorization,
            CommitLoop commitLoop,
            CertificateRepository certificates,
            Option<RegistryRepository> registry,
            Region region) {
        this.authorization = authorization;
        this.commitLoop = commitLoop;
        this.certificates = certificates;
        this.registry = registry;
        this.region = region;
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> attachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return change(
                caller,
                IotAction.ATTACH_POLICY,
                new PolicyArn(region, caller.account(), policy),
                target,
                (store, stored, now) -> AttachmentRules.attachPolicy(
                        store.findPolicy(caller.account(), policy), policy, stored, target, caller, region, now));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> detachPolicy(Principal caller, PolicyName policy, CertificateArn target) {
        return change(
                caller,
                IotAction.DETACH_POLICY,
                new PolicyArn(region, caller.account(), policy),
                target,
                (store, stored, now) -> AttachmentRules.detachPolicy(
                        store.findPolicy(caller.account(), policy), policy, stored, target, caller, region, now));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> attachThing(Principal caller, ThingName thing, CertificateArn principal) {
        return change(
                caller,
                IotAction.ATTACH_THING_PRINCIPAL,
                new ThingArn(region, caller.account(), thing),
                principal,
                (store, stored, now) -> AttachmentRules.attachThing(
                        store.findThing(caller.account(), thing), thing, stored, principal, caller, region, now));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, Certificate> detachThing(Principal caller, ThingName thing, CertificateArn principal) {
        return change(
                caller,
                IotAction.DETACH_THING_PRINCIPAL,
                new ThingArn(region, caller.account(), thing),
                principal,
                (store, stored, now) -> AttachmentRules.detachThing(
                        store.findThing(caller.account(), thing), thing, stored, principal, caller, region, now));
    }

    /** An attach or detach decision: the policy or thing looked up in the store, on the certificate as stored. */
    @FunctionalInterface
    private interface AttachmentDecision {
        Either<Refusal, ? extends Option<? extends CertificateEvent>> decide(
                RegistryRepository store, Option<Certificate> stored, Instant now);
    }

    /** Authorized on the policy's or thing's ARN, then decided and committed on the certificate the ARN names. */
    private Either<Refusal, Certificate> change(
            Principal caller,
            IotAction action,
            Resource resource,
            CertificateArn certificate,
            AttachmentDecision decision) {
        return authorizedRegistry(caller, action, resource)
                .flatMap(store -> commitLoop.decideAndCommit(
                        certificate.certificateId(),
                        (stored, now) -> decision.decide(store, stored.certificate(), now)
                                .map(Option::narrow)))
                .map(Option::get);
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, NamePage<PolicyArn>> listAttachedPolicies(
            Principal caller, CertificateArn target, NamePageRequest request) {
        return authorizedRegistry(caller, IotAction.LIST_ATTACHED_POLICIES, target)
                .flatMap(store -> AttachmentRules.ownedByCaller(
                        certificates.find(target.certificateId()).certificate(), target, caller, region))
                .map(c -> page(
                        c.attachments().policies().toList(),
                        PolicyName::value,
                        request,
                        name -> new PolicyArn(region, caller.account(), name)));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, NamePage<ThingName>> listPrincipalThings(
            Principal caller, CertificateArn principal, NamePageRequest request) {
        return authorizedRegistry(caller, IotAction.LIST_PRINCIPAL_THINGS, principal)
                .flatMap(store -> AttachmentRules.ownedByCaller(
                        certificates.find(principal.certificateId()).certificate(), principal, caller, region))
                .map(c -> page(c.attachments().things().toList(), ThingName::value, request, Function.identity()));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, NamePage<CertificateArn>> listTargetsForPolicy(
            Principal caller, PolicyName policy, NamePageRequest request) {
        return authorizedRegistry(
                        caller, IotAction.LIST_TARGETS_FOR_POLICY, new PolicyArn(region, caller.account(), policy))
                .flatMap(store -> RegistryRules.getPolicy(store.findPolicy(caller.account(), policy), policy)
                        .flatMap(found -> afterKey(request)
                                .map(after -> certificatePage(
                                        store.listPolicyTargets(
                                                caller.account(),
                                                policy,
                                                after,
                                                request.size().value() + 1),
                                        caller,
                                        request))));
    }

    /** Rules and refusals: {@link CertificateTransferUseCases}. */
    Either<Refusal, NamePage<CertificateArn>> listThingPrincipals(
            Principal caller, ThingName thing, NamePageRequest request) {
        return authorizedRegistry(
                        caller, IotAction.LIST_THING_PRINCIPALS, new ThingArn(region, caller.account(), thing))
                .flatMap(store -> RegistryRules.describeThing(store.findThing(caller.account(), thing), thing)
                        .flatMap(found -> afterKey(request)
                                .map(after -> certificatePage(
                                        store.listThingPrincipals(
                                                caller.account(),
                                                thing,
                                                after,
                                                request.size().value() + 1),
                                        caller,
                                        request))));
    }

    private Either<Refusal, RegistryRepository> authorizedRegistry(
            Principal caller, IotAction action, Resource resource) {
        return authorization
                .authorize(caller, action, resource)
                .flatMap(allowed -> registry.toEither(ThingsAndPolicies.NO_REGISTRY));
    }

    /** A certificate listing's marker holds a certificate id; any other key is not one this listing issued. */
    private static Either<Refusal, Option<CertificateId>> afterKey(NamePageRequest request) {
        if (request.marker().isEmpty()) {
            return Either.right(Option.none());
        }
        return CertificateId.parse(request.marker().get().key())
                .mapLeft(invalid -> (Refusal) new Refusal.InvalidRequest("marker is not a marker this service issued"))
                .map(Option::some);
    }

    private NamePage<CertificateArn> certificatePage(
            Seq<CertificateId> found, Principal caller, NamePageRequest request) {
        int size = request.size().value();
        var items = found.take(size).map(id -> new CertificateArn(region, caller.account(), id));
        var next = found.size() > size
                ? Option.some(NameMarker.after(found.get(size - 1).value()))
                : Option.<NameMarker>none();
        return new NamePage<>(items, next);
    }

    /** A page of a certificate's own (few, sorted) attachments, after the marker's key. */
    private static <K, T> NamePage<T> page(
            Seq<K> sorted, Function<K, String> key, NamePageRequest request, Function<K, T> item) {
        int size = request.size().value();
        var after = request.marker().map(NameMarker::key);
        var rest = sorted.filter(k -> after.isEmpty() || key.apply(k).compareTo(after.get()) > 0);
        var next = rest.size() > size
                ? Option.some(NameMarker.after(key.apply(rest.get(size - 1))))
                : Option.<NameMarker>none();
        return new NamePage<>(rest.take(size).map(item), next);
    }
}
