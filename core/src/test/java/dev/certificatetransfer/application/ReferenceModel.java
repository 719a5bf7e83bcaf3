package dev.certificatetransfer.application;

import static dev.certificatetransfer.domain.RefusalCode.ALREADY_EXISTS;
import static dev.certificatetransfer.domain.RefusalCode.CERTIFICATE_STATE;
import static dev.certificatetransfer.domain.RefusalCode.DELETE_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.INVALID_REQUEST;
import static dev.certificatetransfer.domain.RefusalCode.NOT_FOUND;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_ALREADY_COMPLETED;
import static dev.certificatetransfer.domain.RefusalCode.TRANSFER_CONFLICT;
import static dev.certificatetransfer.domain.RefusalCode.UNAUTHORIZED;
import static dev.certificatetransfer.domain.RefusalCode.VERSION_CONFLICT;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Attachments;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Set;
import io.vavr.collection.SortedSet;
import io.vavr.collection.TreeSet;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The rules of docs/behaviour.md written as plainly as possible, on a tiny immutable state: the oracle that the
 * stateful property
 * test and the linearizability test check the real service against. Besides each certificate (with the policies
 * and things the service's registry attached to it) it keeps the id's version (which survives a deletion, so a new
 * registration continues after it), the attachments the host reports, the policies and things each account has, and
 * the order of registrations (the order of creation dates, which listings follow).
 */
record ReferenceModel(
        Map<Integer, Cert> certificates,
        Map<Integer, Long> versions,
        Map<Integer, Attachments> attachments,
        Registry registry,
        long registrations,
        Rules rules,
        long now) {

    static final ReferenceModel EMPTY = under(Rules.OFF);

    /** An empty model following the transfer rules of docs/behaviour.md, section 14, at time 0. */
    static ReferenceModel under(Rules rules) {
        return new ReferenceModel(HashMap.empty(), HashMap.empty(), HashMap.empty(), Registry.EMPTY, 0, rules, 0);
    }

    /**
     * The policies and things of every account (docs/behaviour.md#17-things-policies-and-attachments), by account and
     * name; a thing remembers whether it was created with attributes (its version is always 1).
     */
    record Registry(Set<Tuple2<AccountId, String>> policies, Map<Tuple2<AccountId, String>, Boolean> things) {
        static final Registry EMPTY = new Registry(HashSet.empty(), HashMap.empty());
    }

    /** The names of the policies and things the registry attached to a certificate, in name order. */
    record Attached(SortedSet<String> policies, SortedSet<String> things) {
        static final Attached NONE = new Attached(TreeSet.empty(), TreeSet.empty());

        boolean isEmpty() {
            return policies.isEmpty() && things.isEmpty();
        }
    }

    /**
     * The transfer rules of docs/behaviour.md, section 14: a transfer time-to-live in milliseconds of model time (none:
     * never), and per
     * target account the sources it accepts (a target without a list accepts anyone). {@link #OFF} is AWS's behaviour.
     */
    record Rules(Option<Long> ttl, Map<AccountId, io.vavr.collection.Set<AccountId>> allowedSources) {
        static final Rules OFF = new Rules(Option.none(), HashMap.empty());

        boolean allows(AccountId source, AccountId target) {
            return allowedSources
                    .get(target)
                    .map(sources -> sources.contains(source))
                    .getOrElse(true);
        }
    }

    /**
     * What the model keeps of a certificate: owner, status, its last transfer (and when it was requested, in model
     * time), and when it was registered.
     */
    record Cert(
            AccountId owner,
            CertificateStatus status,
            TransferStatus lastOutcome,
            AccountId source,
            AccountId target,
            Option<TransferMessage> message,
            Option<RejectReason> reason,
            long customerVersion,
            long created,
            long transferDate,
            Attached attached) {

        static Cert registered(AccountId owner, CertificateStatus status, long created) {
            return new Cert(
                    owner, status, null, null, null, Option.none(), Option.none(), 1, created, 0, Attached.NONE);
        }

        /** As every operation sees it at {@code now}: expired, as if cancelled, once the time-to-live has run out. */
        Cert seen(Rules rules, long now) {
            return status == CertificateStatus.PENDING_TRANSFER && rules.ttl().exists(ttl -> now >= transferDate + ttl)
                    ? settled(TransferStatus.EXPIRED, Option.none())
                    : this;
        }

        boolean visibleTo(AccountId a) {
            return owner.equals(a) || (status == CertificateStatus.PENDING_TRANSFER && target.equals(a));
        }

        boolean partyOf(AccountId a) {
            return visibleTo(a) || (lastOutcome != null && (source.equals(a) || target.equals(a)));
        }

        boolean outgoingFrom(AccountId a) {
            return owner.equals(a) && status == CertificateStatus.PENDING_TRANSFER;
        }

        Cert transferredTo(AccountId newTarget, Option<TransferMessage> newMessage, long at) {
            return new Cert(
                    owner,
                    CertificateStatus.PENDING_TRANSFER,
                    TransferStatus.PENDING,
                    owner,
                    newTarget,
                    newMessage,
                    Option.none(),
                    customerVersion + 1,
                    created,
                    at,
                    attached);
        }

        Cert accepted(boolean setAsActive) {
            return new Cert(
                    target,
                    setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE,
                    TransferStatus.ACCEPTED,
                    source,
                    target,
                    message,
                    Option.none(),
                    customerVersion + 1,
                    created,
                    transferDate,
                    attached);
        }

        Cert settled(TransferStatus outcome, Option<RejectReason> rejectReason) {
            return new Cert(
                    owner,
                    CertificateStatus.INACTIVE,
                    outcome,
                    source,
                    target,
                    message,
                    rejectReason,
                    customerVersion + 1,
                    created,
                    transferDate,
                    attached);
        }

        /** An attach or detach: the attachments change, the customer version does not. */
        Cert reattached(Attached newAttached) {
            return new Cert(
                    owner,
                    status,
                    lastOutcome,
                    source,
                    target,
                    message,
                    reason,
                    customerVersion,
                    created,
                    transferDate,
                    newAttached);
        }

        Cert withStatus(CertificateStatus newStatus) {
            return new Cert(
                    owner,
                    newStatus,
                    lastOutcome,
                    source,
                    target,
                    message,
                    reason,
                    customerVersion + 1,
                    created,
                    transferDate,
                    attached);
        }
    }

    /** What a caller sees of a certificate: the model's answer to a call that returns one. */
    record View(AccountId owner, CertificateStatus status, long customerVersion) {
        static View of(Certificate c) {
            return new View(c.owner(), c.status(), c.customerVersion());
        }
    }

    /**
     * The model after the expiries that a step writes before it is decided: a call that reaches storage (a describe
     * included) writes the expiry of its certificate's transfer if it is due; a sweep writes every due expiry;
     * listings do not write one.
     * Call it first, then {@link #step} on its result.
     */
    ReferenceModel expiredBefore(Step s) {
        if (s.kind() == Kind.SWEEP) {
            return certificates.keySet().foldLeft(this, ReferenceModel::expired);
        }
        return reachesStorage(s) ? expired(s.certificate()) : this;
    }

    /** This model at a later time. */
    ReferenceModel at(long newNow) {
        return new ReferenceModel(certificates, versions, attachments, registry, registrations, rules, newNow);
    }

    /** Whether the transfer rule refuses a transfer that passed every other rule. */
    boolean refusedByTransferRule(Step s) {
        return s.kind() == Kind.TRANSFER
                && seen(s.certificate()).exists(c -> c.owner().equals(s.actor()))
                && !rules.allows(s.actor(), s.target());
    }

    private ReferenceModel expired(int index) {
        var raw = certificates.get(index);
        var seen = seen(index);
        return raw.equals(seen)
                ? this
                : new ReferenceModel(
                        certificates.put(index, seen.get()),
                        versions.put(index, version(index) + 1),
                        attachments,
                        registry,
                        registrations,
                        rules,
                        now);
    }

    private static boolean reachesStorage(Step s) {
        return switch (s.kind()) {
            case TRANSFER,
                    ACCEPT,
                    REJECT,
                    CANCEL,
                    DELETE,
                    DESCRIBE,
                    ATTACH_POLICY,
                    DETACH_POLICY,
                    ATTACH_THING,
                    DETACH_THING -> true;
            case REGISTER, UPDATE -> s.status().isRequestable();
            case LIST,
                    LIST_OUTGOING,
                    ATTACH,
                    WAIT,
                    SWEEP,
                    CREATE_POLICY,
                    DELETE_POLICY,
                    CREATE_THING,
                    DELETE_THING,
                    LIST_ATTACHED_POLICIES,
                    LIST_PRINCIPAL_THINGS -> false;
        };
    }

    private Option<Cert> seen(int index) {
        return certificates.get(index).map(c -> c.seen(rules, now));
    }

    /** The model's answer to one step: a refusal code, or the next model. */
    Either<RefusalCode, ReferenceModel> step(Step s) {
        var current = seen(s.certificate());
        return switch (s.kind()) {
            case REGISTER ->
                !s.status().isRequestable()
                        ? Either.left(INVALID_REQUEST)
                        : current.isDefined() ? Either.left(ALREADY_EXISTS) : registered(s);
            case TRANSFER ->
                visible(current, s)
                        .flatMap(c -> !c.owner().equals(s.actor())
                                ? Either.left(UNAUTHORIZED)
                                : c.owner().equals(s.target())
                                        ? Either.left(INVALID_REQUEST)
                                        : c.status() != CertificateStatus.INACTIVE
                                                        && c.status() != CertificateStatus.REGISTER_INACTIVE
                                                ? Either.left(CERTIFICATE_STATE)
                                                : attached(s, c).hasPolicies()
                                                                || attached(s, c)
                                                                        .hasThings()
                                                        ? Either.left(TRANSFER_CONFLICT)
                                                        : !rules.allows(c.owner(), s.target())
                                                                ? Either.left(UNAUTHORIZED)
                                                                : changed(
                                                                        s,
                                                                        c.transferredTo(
                                                                                s.target(),
                                                                                s.text()
                                                                                        .map(TransferMessage::new),
                                                                                now)));
            case ACCEPT ->
                pending(current, s)
                        .flatMap(c -> !c.target().equals(s.actor())
                                ? Either.left(UNAUTHORIZED)
                                : changed(s, c.accepted(s.flag())));
            case REJECT ->
                pending(current, s)
                        .flatMap(c -> !c.target().equals(s.actor())
                                ? Either.left(UNAUTHORIZED)
                                : changed(
                                        s,
                                        c.settled(
                                                TransferStatus.REJECTED,
                                                s.text().map(RejectReason::new))));
            case CANCEL ->
                pending(current, s)
                        .flatMap(c -> !c.source().equals(s.actor())
                                ? Either.left(UNAUTHORIZED)
                                : changed(s, c.settled(TransferStatus.CANCELLED, Option.none())));
            case UPDATE ->
                !s.status().isRequestable()
                        ? Either.left(INVALID_REQUEST)
                        : visible(current, s)
                                .flatMap(c -> !c.owner().equals(s.actor())
                                        ? Either.left(UNAUTHORIZED)
                                        : c.status() == CertificateStatus.PENDING_TRANSFER
                                                ? Either.left(CERTIFICATE_STATE)
                                                : c.status() == CertificateStatus.REVOKED
                                                                && s.status() != CertificateStatus.REVOKED
                                                        ? Either.left(CERTIFICATE_STATE)
                                                        : c.status() == s.status()
                                                                ? Either.right(this)
                                                                : changed(s, c.withStatus(s.status())));
            case DELETE ->
                visible(current, s)
                        .flatMap(c -> !c.owner().equals(s.actor())
                                ? Either.left(UNAUTHORIZED)
                                : c.status() == CertificateStatus.ACTIVE
                                                || c.status() == CertificateStatus.PENDING_TRANSFER
                                        ? Either.left(CERTIFICATE_STATE)
                                        : attached(s, c).hasThings()
                                                        || (attached(s, c).hasPolicies() && !s.flag())
                                                ? Either.left(DELETE_CONFLICT)
                                                : Either.right(new ReferenceModel(
                                                        certificates.remove(s.certificate()),
                                                        nextVersion(s),
                                                        attachments,
                                                        registry,
                                                        registrations,
                                                        rules,
                                                        now)));
            case DESCRIBE -> visible(current, s).map(c -> this);
            case LIST, LIST_OUTGOING, SWEEP -> Either.right(this);
            case ATTACH ->
                Either.right(new ReferenceModel(
                        certificates,
                        versions,
                        attachments.put(s.certificate(), s.attachments()),
                        registry,
                        registrations,
                        rules,
                        now));
            case WAIT -> Either.right(at(now + s.number()));
            case ATTACH_POLICY, DETACH_POLICY, ATTACH_THING, DETACH_THING -> attachment(current, s);
            case LIST_ATTACHED_POLICIES, LIST_PRINCIPAL_THINGS ->
                ownedBy(current, s).map(c -> this);
            case CREATE_POLICY, DELETE_POLICY, CREATE_THING, DELETE_THING -> registryStep(s);
        };
    }

    /**
     * AttachPolicy, DetachPolicy, AttachThingPrincipal and DetachThingPrincipal, as
     * docs/behaviour.md#17-things-policies-and-attachments orders their rules: the caller's policy or thing, then its
     * certificate, then (to attach) not pending transfer; attaching what is attached, or detaching what is not,
     * changes nothing.
     */
    private Either<RefusalCode, ReferenceModel> attachment(Option<Cert> current, Step s) {
        boolean policy = s.kind() == Kind.ATTACH_POLICY || s.kind() == Kind.DETACH_POLICY;
        boolean attach = s.kind() == Kind.ATTACH_POLICY || s.kind() == Kind.ATTACH_THING;
        boolean exists = policy
                ? registry.policies().contains(Tuple.of(s.actor(), s.policy()))
                : registry.things().containsKey(Tuple.of(s.actor(), s.thing()));
        if (!exists) {
            return Either.left(NOT_FOUND);
        }
        return ownedBy(current, s).flatMap(c -> {
            if (attach && c.status() == CertificateStatus.PENDING_TRANSFER) {
                return Either.left(INVALID_REQUEST);
            }
            var names = policy ? c.attached().policies() : c.attached().things();
            var name = policy ? s.policy() : s.thing();
            if (names.contains(name) == attach) {
                return Either.right(this);
            }
            var changedNames = attach ? names.add(name) : names.remove(name);
            var next = policy
                    ? new Attached(changedNames, c.attached().things())
                    : new Attached(c.attached().policies(), changedNames);
            return changed(s, c.reattached(next));
        });
    }

    /** CreatePolicy, DeletePolicy, CreateThing and DeleteThing of the caller's account; no certificate changes. */
    private Either<RefusalCode, ReferenceModel> registryStep(Step s) {
        var policy = Tuple.of(s.actor(), s.policy());
        var thing = Tuple.of(s.actor(), s.thing());
        return switch (s.kind()) {
            case CREATE_POLICY ->
                registry.policies().contains(policy)
                        ? Either.left(ALREADY_EXISTS)
                        : Either.right(
                                withRegistry(new Registry(registry.policies().add(policy), registry.things())));
            case DELETE_POLICY ->
                !registry.policies().contains(policy)
                        ? Either.left(NOT_FOUND)
                        : !targetsOf(s.actor(), s.policy(), true).isEmpty()
                                ? Either.left(DELETE_CONFLICT)
                                : Either.right(withRegistry(
                                        new Registry(registry.policies().remove(policy), registry.things())));
            case CREATE_THING ->
                registry.things().get(thing).isDefined()
                        ? registry.things().get(thing).contains(s.flag())
                                ? Either.right(this)
                                : Either.left(ALREADY_EXISTS)
                        : Either.right(withRegistry(new Registry(
                                registry.policies(), registry.things().put(thing, s.flag()))));
            case DELETE_THING ->
                registry.things().get(thing).isEmpty()
                        ? Either.left(NOT_FOUND)
                        : s.expectedVersion().exists(v -> v != 1)
                                ? Either.left(VERSION_CONFLICT)
                                : !targetsOf(s.actor(), s.thing(), false).isEmpty()
                                        ? Either.left(INVALID_REQUEST)
                                        : Either.right(withRegistry(new Registry(
                                                registry.policies(),
                                                registry.things().remove(thing))));
            default -> throw new IllegalArgumentException(s.kind() + " is not a registry call");
        };
    }

    /**
     * The certificates (by index, in the order of their ids) that the account's policy (or thing) of that name is
     * attached to: ListTargetsForPolicy and ListThingPrincipals.
     */
    List<Integer> targetsOf(AccountId account, String name, boolean policy) {
        return certificates
                .filter(e -> e._2.owner().equals(account)
                        && (policy
                                        ? e._2.attached().policies()
                                        : e._2.attached().things())
                                .contains(name))
                .keySet()
                .toList()
                .sortBy(i ->
                        dev.certificatetransfer.testing.TestCertificates.id(i).value());
    }

    private ReferenceModel withRegistry(Registry next) {
        return new ReferenceModel(certificates, versions, attachments, next, registrations, rules, now);
    }

    /** What a caller sees of certificate {@code index} now; none if it is not registered. */
    Option<View> view(int index) {
        return seen(index).map(c -> new View(c.owner(), c.status(), c.customerVersion()));
    }

    /** Certificate {@code index} as every operation sees it now (its expiry applied, written or not). */
    Option<Cert> seenNow(int index) {
        return seen(index);
    }

    /** The version of certificate {@code index}'s latest change, a deletion included; 0 if never stored. */
    long version(int index) {
        return versions.getOrElse(index, 0L);
    }

    /**
     * The certificates a listing shows the account, in its order: for {@code LIST} those it owns or that are pending
     * transfer to it, for {@code LIST_OUTGOING} those it owns that are pending transfer; oldest registration first
     * when ascending, else newest first.
     */
    List<Integer> listing(Kind kind, AccountId account, boolean ascending) {
        var oldestFirst = certificates
                .mapValues(c -> c.seen(rules, now))
                .toList()
                .filter(e -> kind == Kind.LIST ? e._2.visibleTo(account) : e._2.outgoingFrom(account))
                .sortBy(e -> e._2.created())
                .map(e -> e._1);
        return ascending ? oldestFirst : oldestFirst.reverse();
    }

    /** What is attached, registry and host together: what a transfer or a deletion checks. */
    private Attachments attached(Step s, Cert c) {
        return attachments
                .getOrElse(s.certificate(), Attachments.NONE)
                .plus(new Attachments(
                        c.attached().policies().size(), c.attached().things().size()));
    }

    /** The certificate if the caller owns it (a pending transfer's target does not), else NOT_FOUND. */
    private Either<RefusalCode, Cert> ownedBy(Option<Cert> current, Step s) {
        return current.filter(c -> c.owner().equals(s.actor())).toEither(NOT_FOUND);
    }

    private Either<RefusalCode, Cert> visible(Option<Cert> current, Step s) {
        return current.filter(c -> c.visibleTo(s.actor())).toEither(NOT_FOUND);
    }

    private Either<RefusalCode, Cert> pending(Option<Cert> current, Step s) {
        return current.filter(c -> c.partyOf(s.actor()))
                .toEither(NOT_FOUND)
                .flatMap(c -> c.status() == CertificateStatus.PENDING_TRANSFER
                        ? Either.right(c)
                        : Either.left(c.lastOutcome() == null ? INVALID_REQUEST : TRANSFER_ALREADY_COMPLETED));
    }

    private Either<RefusalCode, ReferenceModel> registered(Step s) {
        var registration = registrations + 1;
        return Either.right(new ReferenceModel(
                certificates.put(s.certificate(), Cert.registered(s.actor(), s.status(), registration)),
                nextVersion(s),
                attachments,
                registry,
                registration,
                rules,
                now));
    }

    private Either<RefusalCode, ReferenceModel> changed(Step s, Cert next) {
        return Either.right(new ReferenceModel(
                certificates.put(s.certificate(), next),
                nextVersion(s),
                attachments,
                registry,
                registrations,
                rules,
                now));
    }

    private Map<Integer, Long> nextVersion(Step s) {
        return versions.put(s.certificate(), version(s.certificate()) + 1);
    }

    /** Who acts, relative to a certificate's current state, so that random moves hit the interesting rows. */
    enum Role {
        OWNER,
        COUNTERPART,
        THIRD
    }

    /** The accounts standing in each {@link Role} for certificate {@code index} in this model. */
    AccountId account(int index, Role role) {
        var c = certificates.get(index);
        AccountId owner = c.map(Cert::owner).getOrElse(ALL.get(0));
        AccountId counterpart = c.filter(m -> m.lastOutcome() != null)
                .map(m -> m.owner().equals(m.source()) ? m.target() : m.source())
                .getOrElse(() -> ALL.get((ALL.indexOf(owner) + 1) % ALL.size()));
        return switch (role) {
            case OWNER -> owner;
            case COUNTERPART -> counterpart;
            case THIRD ->
                ALL.stream()
                        .filter(a -> !a.equals(owner) && !a.equals(counterpart))
                        .findFirst()
                        .get();
        };
    }

    private static final java.util.List<AccountId> ALL = dev.certificatetransfer.testing.Accounts.ALL;

    /**
     * One generated move: an operation by a role on a certificate, resolved against the model when it runs.
     * {@code extra} (0..7) picks the attachments an ATTACH sets (mostly none), a listing's page size (1..4, mostly
     * 1, so that listings run over several pages) or a sweep's, how many milliseconds a WAIT lets pass, or for the
     * registry's calls which policy or thing (and DeleteThing's expectedVersion).
     */
    record Move(
            Kind kind,
            Role actor,
            int certificate,
            Role target,
            boolean flag,
            CertificateStatus status,
            boolean withText,
            int extra) {

        /** The milliseconds a WAIT lets pass: around the time-to-live of the tests that use one (100 ms). */
        private static final int[] WAITS = {1, 9, 40, 60, 98, 99, 100, 350};

        Step resolve(ReferenceModel model) {
            int number = kind == Kind.ATTACH
                    ? Math.max(0, extra - 4)
                    : kind == Kind.WAIT ? WAITS[extra] : kind.namesOne() ? extra : extra < 5 ? 1 : extra - 3;
            return new Step(
                    kind,
                    model.account(certificate, actor),
                    certificate,
                    model.account(certificate, target),
                    flag,
                    status,
                    withText ? Option.some("note " + extra) : Option.none(),
                    number);
        }
    }

    /**
     * One resolved call: which account does what to which certificate. {@code flag} is setAsActive, forceDelete or
     * ascending order, or for CreateThing whether the thing has attributes; {@code text} the transfer message or
     * reject reason; {@code number} a listing's page size, for ATTACH the attachments (bit 0: a policy, bit 1: a
     * thing), for the registry's calls the policy or thing (bit 0) and DeleteThing's expectedVersion (above bit 0:
     * 0 and 1 none, 2 the thing's version, 3 another).
     */
    record Step(
            Kind kind,
            AccountId actor,
            int certificate,
            AccountId target,
            boolean flag,
            CertificateStatus status,
            Option<String> text,
            int number) {

        Attachments attachments() {
            return new Attachments(number & 1, (number >> 1) & 1);
        }

        /** The policy a registry call names: each account may have {@code policy-0} and {@code policy-1}. */
        String policy() {
            return policyName(number % 2);
        }

        /** The thing a registry call names: each account may have {@code thing-0} and {@code thing-1}. */
        String thing() {
            return thingName(number % 2);
        }

        Option<Long> expectedVersion() {
            return number / 2 < 2 ? Option.none() : Option.some(number / 2 == 2 ? 1L : 2L);
        }

        @Override
        public String toString() {
            return kind + "(by " + actor.value().charAt(0) + ", cert " + certificate + ", target "
                    + target.value().charAt(0) + ", flag " + flag + ", " + status + ", " + text.getOrElse("-") + ", "
                    + number + ")";
        }
    }

    static String policyName(int index) {
        return "policy-" + index;
    }

    static String thingName(int index) {
        return "thing-" + index;
    }

    /**
     * The operations a step can be; ATTACH is the host attaching or detaching policies and things (its
     * AttachmentQuery), WAIT the clock moving on, SWEEP the host running the expiry sweep; the rest are the calls of
     * the service, those of its registry included.
     */
    enum Kind {
        REGISTER,
        TRANSFER,
        ACCEPT,
        REJECT,
        CANCEL,
        UPDATE,
        DELETE,
        DESCRIBE,
        LIST,
        LIST_OUTGOING,
        ATTACH,
        WAIT,
        SWEEP,
        ATTACH_POLICY,
        DETACH_POLICY,
        ATTACH_THING,
        DETACH_THING,
        CREATE_POLICY,
        DELETE_POLICY,
        CREATE_THING,
        DELETE_THING,
        LIST_ATTACHED_POLICIES,
        LIST_PRINCIPAL_THINGS;

        /** Whether the step's number picks a policy or a thing (rather than a page size). */
        boolean namesOne() {
            return switch (this) {
                case ATTACH_POLICY,
                        DETACH_POLICY,
                        ATTACH_THING,
                        DETACH_THING,
                        CREATE_POLICY,
                        DELETE_POLICY,
                        CREATE_THING,
                        DELETE_THING -> true;
                default -> false;
            };
        }
    }
}
