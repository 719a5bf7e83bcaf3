package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.transferrule.AllowListTransferRule;
import dev.certificatetransfer.application.ReferenceModel.Cert;
import dev.certificatetransfer.application.ReferenceModel.Kind;
import dev.certificatetransfer.application.ReferenceModel.Move;
import dev.certificatetransfer.application.ReferenceModel.Role;
import dev.certificatetransfer.application.ReferenceModel.Rules;
import dev.certificatetransfer.application.ReferenceModel.Step;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateAttachments;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.domain.TransferData;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.domain.TransferStatus;
import dev.certificatetransfer.domain.rules.CertificateEvolution;
import dev.certificatetransfer.port.in.NameMarker;
import dev.certificatetransfer.port.in.NamePageRequest;
import dev.certificatetransfer.port.in.PageRequest;
import dev.certificatetransfer.port.in.PageSize;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.Tuple;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Random sequences of every operation (listings walked page by page in both orders, the host attaching policies
 * and things, and the service's own registry: policies and things created, deleted, attached and detached), from
 * three accounts on four certificates, run against the real service on the in-memory adapter and checked after every
 * step against {@link ReferenceModel}: answers, state (attachments included), transfer data, listings, the registry
 * and its reverse listings, the contents of each event, and the invariants. A second property switches on the
 * transfer rules of docs/behaviour.md, section 14 (transfers expire after 100 ms while the clock moves in random
 * steps, and two targets accept transfers from one source only).
 */
class StatefulPropertyTest {

    private static final int CERTIFICATES = 4;

    /** Operations weighted towards the transfer lifecycle; every operation still appears. */
    private static final List<Kind> KINDS = weighted(Map.ofEntries(
            Map.entry(Kind.REGISTER, 4),
            Map.entry(Kind.TRANSFER, 6),
            Map.entry(Kind.ACCEPT, 3),
            Map.entry(Kind.REJECT, 2),
            Map.entry(Kind.CANCEL, 3),
            Map.entry(Kind.UPDATE, 2),
            Map.entry(Kind.DELETE, 3),
            Map.entry(Kind.DESCRIBE, 1),
            Map.entry(Kind.LIST, 1),
            Map.entry(Kind.LIST_OUTGOING, 3),
            Map.entry(Kind.ATTACH, 2),
            Map.entry(Kind.ATTACH_POLICY, 2),
            Map.entry(Kind.DETACH_POLICY, 2),
            Map.entry(Kind.ATTACH_THING, 1),
            Map.entry(Kind.DETACH_THING, 2),
            Map.entry(Kind.CREATE_POLICY, 1),
            Map.entry(Kind.DELETE_POLICY, 2),
            Map.entry(Kind.CREATE_THING, 1),
            Map.entry(Kind.DELETE_THING, 2),
            Map.entry(Kind.LIST_ATTACHED_POLICIES, 1),
            Map.entry(Kind.LIST_PRINCIPAL_THINGS, 1)));
    /** The target of a transfer: mostly the counterpart, sometimes a third account, rarely the owner itself. */
    private static final List<Role> TARGETS = weighted(Map.of(Role.OWNER, 1, Role.COUNTERPART, 4, Role.THIRD, 2));
    /** Who calls: mostly the role the operation is meant for, often enough anyone else. */
    private static final List<Role> OWNER_MOSTLY = weighted(Map.of(Role.OWNER, 4, Role.COUNTERPART, 1, Role.THIRD, 1));

    private static final List<Role> COUNTERPART_MOSTLY =
            weighted(Map.of(Role.OWNER, 1, Role.COUNTERPART, 4, Role.THIRD, 1));
    /** Mostly the statuses that allow transfers, then every other one, the unrequestable ones included. */
    private static final List<CertificateStatus> STATUSES = weighted(Map.of(
            CertificateStatus.INACTIVE,
            4,
            CertificateStatus.ACTIVE,
            2,
            CertificateStatus.REGISTER_INACTIVE,
            1,
            CertificateStatus.REVOKED,
            1,
            CertificateStatus.PENDING_TRANSFER,
            1,
            CertificateStatus.PENDING_ACTIVATION,
            1));

    /** The same operations, with the clock moving on and the host sweeping expired transfers. */
    private static final List<Kind> KINDS_AND_TIME = java.util.stream.Stream.concat(
                    KINDS.stream(), weighted(Map.of(Kind.WAIT, 5, Kind.SWEEP, 2)).stream())
            .toList();

    /**
     * The transfer rules switched on: a 100 ms time-to-live; Bob accepts transfers from Alice only, Carol from Bob
     * only.
     */
    private static final Rules EXPIRY_AND_ALLOW_LIST = new Rules(
            Option.some(100L),
            io.vavr.collection.HashMap.of(
                    Accounts.BOB, io.vavr.collection.HashSet.of(Accounts.ALICE),
                    Accounts.CAROL, io.vavr.collection.HashSet.of(Accounts.BOB)));

    private static Gen<Move> moves() {
        return moves(KINDS);
    }

    private static Gen<Move> moves(List<Kind> kinds) {
        return Generate.pick(kinds)
                .flatMap(kind -> Generate.pick(callers(kind))
                        .zip(
                                integers().between(0, CERTIFICATES - 1),
                                Generate.pick(TARGETS),
                                integers().between(0, 2 * STATUSES.size() - 1),
                                integers().between(0, 15),
                                (actor, cert, target, extra, more) -> new Move(
                                        kind,
                                        actor,
                                        cert,
                                        target,
                                        extra % 2 == 0,
                                        STATUSES.get(extra / 2),
                                        more >= 8,
                                        more % 8)));
    }

    private static List<Role> callers(Kind kind) {
        return kind == Kind.ACCEPT || kind == Kind.REJECT ? COUNTERPART_MOSTLY : OWNER_MOSTLY;
    }

    private static <T extends Comparable<T>> List<T> weighted(Map<T, Integer> weights) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> java.util.Collections.nCopies(e.getValue(), e.getKey()).stream())
                .toList();
    }

    /** How often each operation met each answer, over all examples: what the test actually tried. */
    private static final Map<String, Integer> OUTCOMES = new ConcurrentSkipListMap<>();

    /** Rows of docs/behaviour.md that the generated moves must reach often, or the property proves little. */
    private static final List<String> MUST_REACH = List.of(
            "TRANSFER ok",
            "ACCEPT ok",
            "REJECT ok",
            "CANCEL ok",
            "CANCEL UNAUTHORIZED",
            "CANCEL NOT_FOUND",
            "CANCEL TRANSFER_ALREADY_COMPLETED",
            "CANCEL INVALID_REQUEST",
            "ACCEPT UNAUTHORIZED",
            "ACCEPT TRANSFER_ALREADY_COMPLETED",
            "TRANSFER CERTIFICATE_STATE",
            "TRANSFER INVALID_REQUEST",
            "TRANSFER TRANSFER_CONFLICT",
            "UPDATE CERTIFICATE_STATE",
            "DELETE ok",
            "DELETE CERTIFICATE_STATE",
            "DELETE DELETE_CONFLICT",
            "DELETE DELETE_CONFLICT with forceDelete",
            "REGISTER ALREADY_EXISTS",
            "REGISTER ok after a deletion",
            "LIST over several pages",
            "LIST_OUTGOING over several pages",
            "ATTACH_POLICY ok",
            "ATTACH_POLICY ok, nothing changes",
            "ATTACH_POLICY NOT_FOUND",
            "ATTACH_POLICY INVALID_REQUEST",
            "DETACH_POLICY ok",
            "DETACH_POLICY ok, nothing changes",
            "ATTACH_THING ok",
            "ATTACH_THING INVALID_REQUEST",
            "DETACH_THING ok",
            "CREATE_POLICY ok",
            "CREATE_POLICY ALREADY_EXISTS",
            "CREATE_THING ok",
            "CREATE_THING ALREADY_EXISTS",
            "DELETE_POLICY ok",
            "DELETE_POLICY DELETE_CONFLICT",
            "DELETE_POLICY NOT_FOUND",
            "DELETE_THING ok",
            "DELETE_THING INVALID_REQUEST",
            "DELETE_THING VERSION_CONFLICT",
            "TRANSFER TRANSFER_CONFLICT from the registry",
            "DELETE DELETE_CONFLICT, a registry thing attached",
            "DELETE ok, detaching registry policies",
            "LIST_ATTACHED_POLICIES over several pages",
            "LIST_PRINCIPAL_THINGS over several pages");

    /** The rows of docs/behaviour.md, section 14, that the property with transfer rules must reach often. */
    private static final List<String> MUST_REACH_WITH_TRANSFER_RULES = List.of(
            "an expiry written by a call",
            "SWEEP ok with expiries",
            "TRANSFER refused by the transfer rule",
            "410 after an expiry",
            "a read while an expiry is unwritten",
            "TRANSFER ok after an expiry");

    @AfterAll
    static void the_generated_moves_reached_every_interesting_row() {
        System.out.println("Stateful property test, outcomes tried: " + OUTCOMES);
        for (String row : MUST_REACH) {
            assertThat(OUTCOMES.getOrDefault(row, 0))
                    .as("times the moves reached %s", row)
                    .isGreaterThanOrEqualTo(10);
        }
        if (OUTCOMES.containsKey("WAIT ok")) {
            for (String row : MUST_REACH_WITH_TRANSFER_RULES) {
                assertThat(OUTCOMES.getOrDefault(row, 0))
                        .as("times the moves reached %s", row)
                        .isGreaterThanOrEqualTo(10);
            }
        }
    }

    @Test
    void the_service_behaves_as_the_reference_model_and_keeps_its_invariants() {
        qt().withExamples(900)
                .withShrinkCycles(2000)
                .forAll(lists().of(moves()).ofSizeBetween(1, 60))
                .checkAssert(generated -> runAndCheck(generated, Rules.OFF));
    }

    @Test
    void with_expiry_and_an_allow_list_the_service_still_behaves_as_the_model() {
        qt().withExamples(500)
                .withShrinkCycles(2000)
                .forAll(lists().of(moves(KINDS_AND_TIME)).ofSizeBetween(1, 60))
                .checkAssert(generated -> runAndCheck(generated, EXPIRY_AND_ALLOW_LIST));
    }

    private static ServiceFixture fixture(Rules rules, MovableClock clock) {
        if (rules.equals(Rules.OFF)) {
            return new ServiceFixture();
        }
        var transferRule = rules.allowedSources()
                .foldLeft(
                        AllowListTransferRule.empty(),
                        (rule, list) -> rule.allowing(
                                list._1, list._2.toJavaArray(dev.certificatetransfer.domain.AccountId[]::new)));
        var expiry =
                rules.ttl().map(Duration::ofMillis).map(TransferExpiry::after).getOrElse(TransferExpiry.none());
        return new ServiceFixture(new AllowAuthenticatedAuthorizer(), clock, expiry, transferRule);
    }

    /**
     * Every run starts with each certificate registered, so that moves find them: by Bob the second, by Alice the
     * others (so that she often has several outgoing transfers to list); then Alice and Bob each create the two
     * policies and two things that the registry's moves name (Carol has none until she creates them), and Bob
     * attaches his four to his certificate.
     */
    private static final List<Move> PROLOGUE = java.util.stream.Stream.of(
                    java.util.stream.IntStream.range(0, CERTIFICATES)
                            .mapToObj(i -> new Move(
                                    Kind.REGISTER,
                                    i == 1 ? Role.COUNTERPART : Role.OWNER,
                                    i,
                                    Role.OWNER,
                                    false,
                                    CertificateStatus.INACTIVE,
                                    false,
                                    0)),
                    java.util.stream.Stream.of(Kind.CREATE_POLICY, Kind.CREATE_THING)
                            .flatMap(kind -> java.util.stream.IntStream.range(0, 4)
                                    .mapToObj(n -> new Move(
                                            kind,
                                            Role.OWNER,
                                            n / 2, // certificate 0 is Alice's, 1 Bob's
                                            Role.OWNER,
                                            false,
                                            CertificateStatus.INACTIVE,
                                            false,
                                            n % 2))),
                    java.util.stream.Stream.of(Kind.ATTACH_POLICY, Kind.ATTACH_THING)
                            .flatMap(kind -> java.util.stream.IntStream.range(0, 2)
                                    .mapToObj(n -> new Move(
                                            kind,
                                            Role.OWNER,
                                            1,
                                            Role.OWNER,
                                            false,
                                            CertificateStatus.INACTIVE,
                                            false,
                                            n))))
            .flatMap(java.util.function.Function.identity())
            .toList();

    private static final PolicyDocument DOCUMENT = new PolicyDocument("{\"Version\":\"2012-10-17\"}");

    private static final ThingAttributes ATTRIBUTES =
            new ThingAttributes(io.vavr.collection.TreeMap.of("color", "red"));

    private void runAndCheck(List<Move> generated, Rules rules) {
        var clock = new MovableClock(TickingClock.START);
        var fixture = fixture(rules, clock);
        var model = ReferenceModel.under(rules);
        var steps = new ArrayList<Step>();
        for (Move move : io.vavr.collection.List.ofAll(PROLOGUE).appendAll(generated)) {
            if (!rules.equals(Rules.OFF)) {
                clock.advance(Duration.ofMillis(1));
                model = model.at(model.now() + 1);
            }
            var step = move.resolve(model);
            steps.add(step);
            var before = snapshot(fixture);
            var eventsBefore = fixture.events.events().size();
            var expiredFirst = model.expiredBefore(step);
            var expected = expiredFirst.step(step);
            var actual = execute(fixture, clock, step, model);
            assertThat(actual.isLeft() ? Either.left(actual.getLeft().code()) : Either.right("ok"))
                    .as("%s after %s", step, steps)
                    .isEqualTo(expected.isLeft() ? Either.left(expected.getLeft()) : Either.right("ok"));
            if (step.kind().namesOne() && actual.isRight() && actual.get() instanceof Certificate answered) {
                assertThat(answered)
                        .as("an attach or detach answers the certificate as stored: %s", step)
                        .isEqualTo(fixture.stored(answered.id()));
            }
            OUTCOMES.merge(label(step, model, expected), 1, Integer::sum);
            labelTransferRules(step, model, expiredFirst, expected, actual);
            var next = expected.getOrElse(expiredFirst);
            checkEvents(fixture, fixture.events.events().drop(eventsBefore), step, model, expiredFirst, next, before);
            model = next;
            checkAgainstModel(fixture, model, step);
            checkRegistry(fixture, model, step);
            checkInvariants(fixture, before, snapshot(fixture));
        }
        checkReplay(fixture);
    }

    private static String label(Step step, ReferenceModel model, Either<RefusalCode, ReferenceModel> expected) {
        var outcome = step.kind() + (expected.isRight() ? " ok" : " " + expected.getLeft());
        if (step.kind() == Kind.DELETE
                && expected.isLeft()
                && expected.getLeft() == RefusalCode.DELETE_CONFLICT
                && step.flag()) {
            return outcome + " with forceDelete";
        }
        boolean reRegistered =
                step.kind() == Kind.REGISTER && expected.isRight() && model.version(step.certificate()) > 0;
        if (reRegistered) {
            return outcome + " after a deletion";
        }
        return outcome + registryLabel(step, model, expected);
    }

    /** What a step met of the registry's attachments, for the rows that the moves must reach. */
    private static String registryLabel(Step step, ReferenceModel model, Either<RefusalCode, ReferenceModel> expected) {
        var attached = model.seenNow(step.certificate()).map(Cert::attached);
        boolean policies = attached.exists(a -> !a.policies().isEmpty());
        boolean things = attached.exists(a -> !a.things().isEmpty());
        var code = expected.isLeft() ? expected.getLeft() : null;
        if (step.kind() == Kind.TRANSFER && code == RefusalCode.TRANSFER_CONFLICT && (policies || things)) {
            return " from the registry";
        }
        if (step.kind() == Kind.DELETE && code == RefusalCode.DELETE_CONFLICT && things) {
            return ", a registry thing attached";
        }
        if (step.kind() == Kind.DELETE && expected.isRight() && policies) {
            return ", detaching registry policies";
        }
        boolean attachOrDetach = step.kind() == Kind.ATTACH_POLICY
                || step.kind() == Kind.DETACH_POLICY
                || step.kind() == Kind.ATTACH_THING
                || step.kind() == Kind.DETACH_THING;
        int i = step.certificate();
        if (attachOrDetach
                && expected.isRight()
                && expected.get().version(i) == model.expiredBefore(step).version(i)) {
            return ", nothing changes";
        }
        return "";
    }

    /** Counts the rows of docs/behaviour.md, section 14, a step reached, and checks the count a sweep returned. */
    private static void labelTransferRules(
            Step step,
            ReferenceModel model,
            ReferenceModel expiredFirst,
            Either<RefusalCode, ReferenceModel> expected,
            Either<Refusal, ?> actual) {
        boolean wroteExpiries = !expiredFirst.versions().equals(model.versions());
        if (step.kind() == Kind.SWEEP) {
            long written = java.util.stream.IntStream.range(0, CERTIFICATES)
                    .filter(i -> expiredFirst.version(i) != model.version(i))
                    .count();
            assertThat(actual.get()).as("expiries written by %s", step).isEqualTo((int) written);
            if (wroteExpiries) {
                OUTCOMES.merge("SWEEP ok with expiries", 1, Integer::sum);
            }
        } else if (wroteExpiries) {
            OUTCOMES.merge("an expiry written by a call", 1, Integer::sum);
        }
        if (expected.isLeft()
                && expected.getLeft() == RefusalCode.UNAUTHORIZED
                && expiredFirst.refusedByTransferRule(step)) {
            OUTCOMES.merge("TRANSFER refused by the transfer rule", 1, Integer::sum);
        }
        var last =
                expiredFirst.seenNow(step.certificate()).map(Cert::lastOutcome).getOrNull();
        if (last == TransferStatus.EXPIRED
                && expected.isLeft()
                && expected.getLeft() == RefusalCode.TRANSFER_ALREADY_COMPLETED) {
            OUTCOMES.merge("410 after an expiry", 1, Integer::sum);
        }
        if (last == TransferStatus.EXPIRED && step.kind() == Kind.TRANSFER && expected.isRight()) {
            OUTCOMES.merge("TRANSFER ok after an expiry", 1, Integer::sum);
        }
        boolean unwritten = !model.expiredBefore(new Step(
                        Kind.SWEEP,
                        step.actor(),
                        0,
                        step.target(),
                        false,
                        CertificateStatus.INACTIVE,
                        Option.none(),
                        1))
                .versions()
                .equals(model.versions());
        if (unwritten
                && (step.kind() == Kind.DESCRIBE || step.kind() == Kind.LIST || step.kind() == Kind.LIST_OUTGOING)) {
            OUTCOMES.merge("a read while an expiry is unwritten", 1, Integer::sum);
        }
    }

    private static Either<Refusal, ?> execute(ServiceFixture f, MovableClock clock, Step s, ReferenceModel model) {
        Principal caller = Accounts.principal(s.actor());
        var id = TestCertificates.id(s.certificate());
        var service = f.service;
        return switch (s.kind()) {
            case REGISTER ->
                service.registerCertificateWithoutCa(caller, TestCertificates.parsed(s.certificate()), s.status());
            case TRANSFER ->
                service.transferCertificate(caller, id, s.target(), s.text().map(TransferMessage::new));
            case ACCEPT -> service.acceptCertificateTransfer(caller, id, s.flag());
            case REJECT ->
                service.rejectCertificateTransfer(caller, id, s.text().map(RejectReason::new));
            case CANCEL -> service.cancelCertificateTransfer(caller, id);
            case UPDATE -> service.updateCertificate(caller, id, s.status());
            case DELETE -> service.deleteCertificate(caller, id, s.flag());
            case DESCRIBE -> service.describeCertificate(caller, id);
            case LIST, LIST_OUTGOING -> allPages(f, s, model);
            case ATTACH -> {
                f.attachments.put(id, s.attachments());
                yield Either.right(s.attachments());
            }
            case WAIT -> {
                clock.advance(Duration.ofMillis(s.number()));
                yield Either.right(s.number());
            }
            case SWEEP -> Either.right(service.sweepExpiredTransfers(s.number()));
            case ATTACH_POLICY -> service.attachPolicy(caller, new PolicyName(s.policy()), arn(f, s));
            case DETACH_POLICY -> service.detachPolicy(caller, new PolicyName(s.policy()), arn(f, s));
            case ATTACH_THING -> service.attachThingPrincipal(caller, new ThingName(s.thing()), arn(f, s));
            case DETACH_THING -> service.detachThingPrincipal(caller, new ThingName(s.thing()), arn(f, s));
            case CREATE_POLICY -> service.createPolicy(caller, new PolicyName(s.policy()), DOCUMENT);
            case DELETE_POLICY -> service.deletePolicy(caller, new PolicyName(s.policy()));
            case CREATE_THING ->
                service.createThing(caller, new ThingName(s.thing()), s.flag() ? ATTRIBUTES : ThingAttributes.NONE);
            case DELETE_THING -> service.deleteThing(caller, new ThingName(s.thing()), s.expectedVersion());
            case LIST_ATTACHED_POLICIES, LIST_PRINCIPAL_THINGS -> attachedPages(f, s, model);
        };
    }

    /** The step's certificate named by an ARN under the caller's account, as its owner names it. */
    private static CertificateArn arn(ServiceFixture f, Step s) {
        return new CertificateArn(f.service.region(), s.actor(), TestCertificates.id(s.certificate()));
    }

    /**
     * Walks ListAttachedPolicies or ListPrincipalThings page by page, following each nextMarker, and compares the
     * names with the model's, in order.
     */
    private static Either<Refusal, List<String>> attachedPages(ServiceFixture f, Step s, ReferenceModel model) {
        var caller = Accounts.principal(s.actor());
        var request = new NamePageRequest(new PageSize(s.number()), Option.none());
        var listed = new ArrayList<String>();
        for (int pages = 1; ; pages++) {
            Either<Refusal, ? extends Seq<String>> items;
            Option<NameMarker> next;
            if (s.kind() == Kind.LIST_ATTACHED_POLICIES) {
                var page = f.service.listAttachedPolicies(caller, arn(f, s), request);
                items = page.map(p -> p.items().map(arn -> arn.policyName().value()));
                next = page.map(p -> p.nextMarker()).getOrElse(Option.none());
            } else {
                var page = f.service.listPrincipalThings(caller, arn(f, s), request);
                items = page.map(p -> p.items().map(ThingName::value));
                next = page.map(p -> p.nextMarker()).getOrElse(Option.none());
            }
            if (items.isLeft()) {
                return Either.left(items.getLeft());
            }
            items.get().forEach(listed::add);
            if (next.isEmpty()) {
                var attached = model.certificates().get(s.certificate()).get().attached();
                assertThat(listed)
                        .as("%s, page after page", s)
                        .containsExactlyElementsOf(
                                s.kind() == Kind.LIST_ATTACHED_POLICIES ? attached.policies() : attached.things());
                OUTCOMES.merge(s.kind() + (pages > 1 ? " over several pages" : " on one page"), 1, Integer::sum);
                return Either.right(listed);
            }
            assertThat(items.get().size())
                    .as("a page that has a nextMarker is full: %s", s)
                    .isEqualTo(s.number());
            assertThat(pages).as("the markers of %s come to an end", s).isLessThanOrEqualTo(2);
            request = new NamePageRequest(request.size(), next);
        }
    }

    /** Walks a listing page by page, following each nextMarker, and compares it with the model's, in order. */
    private static Either<Refusal, List<CertificateId>> allPages(ServiceFixture f, Step s, ReferenceModel model) {
        var caller = Accounts.principal(s.actor());
        var request = new PageRequest(
                new PageSize(s.number()), Option.none(), s.flag() ? SortOrder.ASCENDING : SortOrder.DESCENDING);
        var listed = new ArrayList<CertificateId>();
        for (int pages = 1; ; pages++) {
            var page = s.kind() == Kind.LIST
                    ? f.service.listCertificates(caller, request)
                    : f.service.listOutgoingCertificates(caller, request);
            if (page.isLeft()) {
                return Either.left(page.getLeft());
            }
            assertThat(pages == 1 || !page.get().items().isEmpty())
                    .as("a marker never leads to an empty page: %s", s)
                    .isTrue();
            page.get().items().forEach(c -> listed.add(c.id()));
            var next = page.get().nextMarker();
            if (next.isEmpty()) {
                assertThat(listed)
                        .as("%s, page after page", s)
                        .containsExactlyElementsOf(
                                model.listing(s.kind(), s.actor(), s.flag()).map(TestCertificates::id));
                OUTCOMES.merge(s.kind() + (pages > 1 ? " over several pages" : " on one page"), 1, Integer::sum);
                return Either.right(listed);
            }
            assertThat(page.get().items().size())
                    .as("a page that has a nextMarker is full: %s", s)
                    .isEqualTo(s.number());
            assertThat(pages).as("the markers of %s come to an end", s).isLessThanOrEqualTo(CERTIFICATES);
            request = request.continueAt(next.get());
        }
    }

    /**
     * Each state change emits one event, whose fields say what the model says changed; nothing else emits one. The
     * expiries a step writes first (docs/behaviour.md, section 14) each emit one TransferExpired, by the system, dated
     * at the moment
     * of expiry; {@code expired} is the model after them, {@code after} the model after the step itself.
     */
    private static void checkEvents(
            ServiceFixture f,
            io.vavr.collection.List<CertificateEvent> allEmitted,
            Step step,
            ReferenceModel original,
            ReferenceModel before,
            ReferenceModel after,
            List<Option<Certificate>> was) {
        checkExpiries(allEmitted.filter(e -> e.type() == EventType.TRANSFER_EXPIRED), step, original, before);
        var emitted = allEmitted.filter(e -> e.type() != EventType.TRANSFER_EXPIRED);
        int i = step.certificate();
        boolean changed = after.version(i) != before.version(i);
        assertThat(emitted.size())
                .as("exactly one event per state change, none otherwise: %s", step)
                .isEqualTo(changed ? 1 : 0);
        for (var event : emitted) {
            var stored = f.repository.find(TestCertificates.id(i));
            assertThat(event.type()).as("event of %s", step).isEqualTo(eventOf(step.kind()));
            assertThat(event.certificateId())
                    .as("certificate of the event of %s", step)
                    .isEqualTo(TestCertificates.id(i));
            assertThat(event.actor()).as("actor of %s", step).isEqualTo(Accounts.principal(step.actor()));
            assertThat(event.statusBefore())
                    .as("status before %s", step)
                    .isEqualTo(before.certificates().get(i).map(Cert::status));
            assertThat(event.statusAfter())
                    .as("status after %s", step)
                    .isEqualTo(after.certificates().get(i).map(Cert::status));
            assertThat(event.version())
                    .as("version of the event of %s: the stored one", step)
                    .isEqualTo(stored.version())
                    .isEqualTo(after.version(i));
            if (stored.certificate().isDefined() && step.kind().namesOne()) {
                // an attach or detach does not change lastModifiedDate (docs/behaviour.md, section 17)
                assertThat(event.at())
                        .as("time of %s", step)
                        .isAfterOrEqualTo(stored.certificate().get().lastModifiedDate());
            } else if (stored.certificate().isDefined()) {
                assertThat(event.at())
                        .as("time of %s", step)
                        .isEqualTo(stored.certificate().get().lastModifiedDate());
            } else {
                assertThat(event.at())
                        .as("time of %s", step)
                        .isAfterOrEqualTo(was.get(i).get().lastModifiedDate());
            }
            checkPayload(event, step, before, after);
        }
    }

    private static void checkPayload(CertificateEvent event, Step step, ReferenceModel before, ReferenceModel after) {
        var was = before.certificates().get(step.certificate());
        var is = after.certificates().get(step.certificate());
        if (event instanceof CertificateEvent.TransferRequested requested) {
            assertThat(requested.target()).as("target in the event of %s", step).isEqualTo(step.target());
            assertThat(requested.message())
                    .as("message in the event of %s", step)
                    .isEqualTo(is.get().message());
        } else if (event instanceof CertificateEvent.TransferAccepted accepted) {
            assertThat(accepted.source())
                    .as("source in the event of %s", step)
                    .isEqualTo(was.get().source());
        } else if (event instanceof CertificateEvent.TransferRejected rejected) {
            assertThat(rejected.source())
                    .as("source in the event of %s", step)
                    .isEqualTo(was.get().source());
            assertThat(rejected.reason())
                    .as("reason in the event of %s", step)
                    .isEqualTo(is.get().reason());
        } else if (event instanceof CertificateEvent.TransferCancelled cancelled) {
            assertThat(cancelled.target())
                    .as("target in the event of %s", step)
                    .isEqualTo(was.get().target());
        } else if (event instanceof CertificateEvent.PolicyAttached attached) {
            assertThat(attached.policy().value()).as("policy of %s", step).isEqualTo(step.policy());
        } else if (event instanceof CertificateEvent.PolicyDetached detached) {
            assertThat(detached.policy().value()).as("policy of %s", step).isEqualTo(step.policy());
        } else if (event instanceof CertificateEvent.ThingAttached attached) {
            assertThat(attached.thing().value()).as("thing of %s", step).isEqualTo(step.thing());
        } else if (event instanceof CertificateEvent.ThingDetached detached) {
            assertThat(detached.thing().value()).as("thing of %s", step).isEqualTo(step.thing());
        }
    }

    private static void checkExpiries(
            io.vavr.collection.List<CertificateEvent> expiries,
            Step step,
            ReferenceModel before,
            ReferenceModel expired) {
        var written =
                io.vavr.collection.List.range(0, CERTIFICATES).filter(i -> expired.version(i) != before.version(i));
        assertThat(expiries.map(e -> indexOf(e.certificateId())).sorted())
                .as("one TransferExpired per expiry written by %s", step)
                .containsExactlyElementsOf(written);
        for (var event : expiries) {
            int i = indexOf(event.certificateId());
            var pending = before.certificates().get(i).get();
            assertThat(event.actor()).as("actor of an expiry").isEqualTo(Actor.system());
            assertThat(((CertificateEvent.TransferExpired) event).target()).isEqualTo(pending.target());
            assertThat(event.at())
                    .as("an expiry is dated at the moment of expiry")
                    .isEqualTo(TickingClock.START.plusMillis(
                            pending.transferDate() + before.rules().ttl().get()));
            assertThat(event.version()).isEqualTo(expired.version(i));
            assertThat(event.statusBefore()).contains(CertificateStatus.PENDING_TRANSFER);
            assertThat(event.statusAfter()).contains(CertificateStatus.INACTIVE);
        }
    }

    private static int indexOf(CertificateId id) {
        return java.util.stream.IntStream.range(0, CERTIFICATES)
                .filter(i -> TestCertificates.id(i).equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static EventType eventOf(Kind kind) {
        return switch (kind) {
            case REGISTER -> EventType.CERTIFICATE_REGISTERED;
            case TRANSFER -> EventType.TRANSFER_REQUESTED;
            case ACCEPT -> EventType.TRANSFER_ACCEPTED;
            case REJECT -> EventType.TRANSFER_REJECTED;
            case CANCEL -> EventType.TRANSFER_CANCELLED;
            case UPDATE -> EventType.CERTIFICATE_STATUS_CHANGED;
            case DELETE -> EventType.CERTIFICATE_DELETED;
            case ATTACH_POLICY -> EventType.POLICY_ATTACHED;
            case DETACH_POLICY -> EventType.POLICY_DETACHED;
            case ATTACH_THING -> EventType.THING_ATTACHED;
            case DETACH_THING -> EventType.THING_DETACHED;
            case DESCRIBE,
                    LIST,
                    LIST_OUTGOING,
                    ATTACH,
                    WAIT,
                    SWEEP,
                    CREATE_POLICY,
                    DELETE_POLICY,
                    CREATE_THING,
                    DELETE_THING,
                    LIST_ATTACHED_POLICIES,
                    LIST_PRINCIPAL_THINGS -> throw new AssertionError(kind + " changes no certificate");
        };
    }

    private static void checkAgainstModel(ServiceFixture f, ReferenceModel model, Step step) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var found = f.repository.find(TestCertificates.id(i));
            var modelled = model.certificates().get(i);
            assertThat(found.version())
                    .as("version of %d's latest change after %s", i, step)
                    .isEqualTo(model.version(i));
            assertThat(found.certificate().isDefined())
                    .as("certificate %d exists after %s", i, step)
                    .isEqualTo(modelled.isDefined());
            for (var m : modelled) {
                var c = found.certificate().get();
                assertThat(c.owner()).as("owner of %d after %s", i, step).isEqualTo(m.owner());
                assertThat(c.status()).as("status of %d after %s", i, step).isEqualTo(m.status());
                assertThat(c.customerVersion())
                        .as("customerVersion of %d after %s", i, step)
                        .isEqualTo(m.customerVersion());
                assertThat(c.lastTransfer().map(Transfer::status).getOrNull()).isEqualTo(m.lastOutcome());
                checkTransferData(c.transferData(), m, i, step);
                assertThat(c.attachments().policies().map(PolicyName::value))
                        .as("policies attached to %d after %s", i, step)
                        .containsExactlyElementsOf(m.attached().policies());
                assertThat(c.attachments().things().map(ThingName::value))
                        .as("things attached to %d after %s", i, step)
                        .containsExactlyElementsOf(m.attached().things());
            }
            for (var seen : model.seenNow(i)) {
                // through the owner's listing, which only reads: a describe would record a due expiry
                var id = TestCertificates.id(i);
                var listed = f.service
                        .listCertificates(
                                Accounts.principal(seen.owner()),
                                new PageRequest(new PageSize(PageSize.MAX), Option.none(), SortOrder.DESCENDING))
                        .map(page -> page.items().find(c -> c.id().equals(id)));
                assertThat(listed.map(c -> c.map(x -> x.status() + " " + x.customerVersion() + " "
                                        + x.lastTransfer().map(Transfer::status).getOrNull())
                                .getOrNull()))
                        .as("what the owner of %d sees after %s", i, step)
                        .isEqualTo(
                                Either.right(seen.status() + " " + seen.customerVersion() + " " + seen.lastOutcome()));
            }
        }
    }

    /**
     * The registry holds the policies and things the model says, and its reverse listings (which certificates each
     * policy or thing is attached to, what DeletePolicy and DeleteThing check) agree with the certificates.
     */
    private static void checkRegistry(ServiceFixture f, ReferenceModel model, Step step) {
        for (AccountId account : Accounts.ALL) {
            for (int n = 0; n < 2; n++) {
                var policy = ReferenceModel.policyName(n);
                var thing = ReferenceModel.thingName(n);
                assertThat(f.repository
                                .findPolicy(account, new PolicyName(policy))
                                .isDefined())
                        .as("%s has %s after %s", account, policy, step)
                        .isEqualTo(model.registry().policies().contains(Tuple.of(account, policy)));
                assertThat(f.repository
                                .findThing(account, new ThingName(thing))
                                .map(t -> !t.attributes().equals(ThingAttributes.NONE)))
                        .as("%s has %s (with attributes?) after %s", account, thing, step)
                        .isEqualTo(model.registry().things().get(Tuple.of(account, thing)));
                assertThat(f.repository.listPolicyTargets(account, new PolicyName(policy), Option.none(), 10))
                        .as("the targets of %s's %s after %s", account, policy, step)
                        .containsExactlyElementsOf(
                                model.targetsOf(account, policy, true).map(TestCertificates::id));
                assertThat(f.repository.listThingPrincipals(account, new ThingName(thing), Option.none(), 10))
                        .as("the principals of %s's %s after %s", account, thing, step)
                        .containsExactlyElementsOf(
                                model.targetsOf(account, thing, false).map(TestCertificates::id));
            }
        }
    }

    private static void checkTransferData(TransferData data, Cert m, int i, Step step) {
        assertThat(data.transferMessage())
                .as("transferMessage of %d after %s", i, step)
                .isEqualTo(m.message());
        assertThat(data.rejectReason())
                .as("rejectReason of %d after %s", i, step)
                .isEqualTo(m.reason());
        assertThat(data.transferDate().isDefined())
                .as("transferDate of %d after %s", i, step)
                .isEqualTo(m.lastOutcome() != null);
        assertThat(data.acceptDate().isDefined())
                .as("acceptDate of %d after %s", i, step)
                .isEqualTo(m.lastOutcome() == TransferStatus.ACCEPTED);
        assertThat(data.rejectDate().isDefined())
                .as("rejectDate of %d after %s", i, step)
                .isEqualTo(m.lastOutcome() == TransferStatus.REJECTED);
    }

    private static void checkInvariants(
            ServiceFixture f, List<Option<Certificate>> before, List<Option<Certificate>> after) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var was = before.get(i);
            var is = after.get(i);
            if (was.isDefined() && is.isDefined()) {
                var w = was.get();
                var n = is.get();
                assertThat(n.customerVersion())
                        .as("customerVersion never decreases")
                        .isGreaterThanOrEqualTo(w.customerVersion());
                // with transfer expiry on, a step may write an expiry first: then it is not only an attach
                boolean attachOrDetach = !n.attachments().equals(w.attachments())
                        && reattached(n, w.attachments(), n.version())
                                .equals(reattached(w, w.attachments(), n.version()));
                assertThat(n.equals(w) || attachOrDetach || n.customerVersion() > w.customerVersion())
                        .as("every change but an attach or detach increments customerVersion")
                        .isTrue();
                assertThat(n.equals(w) || attachOrDetach || n.lastModifiedDate().isAfter(w.lastModifiedDate()))
                        .as("every change but an attach or detach moves lastModifiedDate forward")
                        .isTrue();
                var completedBefore = w.lastTransfer().filter(t -> t.status().isCompleted());
                for (var completed : completedBefore) {
                    assertThat(
                                    n.lastTransfer().get().transferDate().equals(completed.transferDate())
                                            ? n.lastTransfer().get()
                                            : completed)
                            .as("a completed transfer never changes; only a new transfer replaces it")
                            .isEqualTo(completed);
                }
            }
            for (var c : is) {
                assertThat(c.status() != CertificateStatus.PENDING_TRANSFER
                                || c.attachments().isEmpty())
                        .as("nothing is attached to certificate %d pending transfer", i)
                        .isTrue();
                assertThat(c.attachments().policies())
                        .as("the policies attached to %d are its owner's", i)
                        .allMatch(p -> f.repository.findPolicy(c.owner(), p).isDefined());
                assertThat(c.attachments().things())
                        .as("the things attached to %d are its owner's", i)
                        .allMatch(t -> f.repository.findThing(c.owner(), t).isDefined());
                // through each account's listing, which only reads: a describe would record a due expiry
                long owners = Accounts.ALL.stream()
                        .filter(a -> f.service
                                .listCertificates(
                                        Accounts.principal(a),
                                        new PageRequest(
                                                new PageSize(PageSize.MAX), Option.none(), SortOrder.DESCENDING))
                                .exists(page -> page.items()
                                        .exists(d -> d.id().equals(c.id())
                                                && d.owner().equals(a))))
                        .count();
                assertThat(owners)
                        .as("exactly one account owns certificate %d", i)
                        .isEqualTo(1);
            }
        }
    }

    /** The certificate with other attachments at another version, all else the same. */
    private static Certificate reattached(Certificate c, CertificateAttachments attachments, long version) {
        return new Certificate(
                c.id(),
                c.pem(),
                c.validity(),
                c.mode(),
                c.owner(),
                c.previousOwner(),
                c.status(),
                c.lastTransfer(),
                c.creationDate(),
                c.lastModifiedDate(),
                c.customerVersion(),
                version,
                attachments);
    }

    private static void checkReplay(ServiceFixture f) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var id = TestCertificates.id(i);
            var ofThis = f.events.events().filter(e -> e.certificateId().equals(id));
            assertThat(CertificateEvolution.replay(ofThis))
                    .as("replaying the events of %d", i)
                    .isEqualTo(f.repository.find(id).certificate());
        }
    }

    private static List<Option<Certificate>> snapshot(ServiceFixture f) {
        return java.util.stream.IntStream.range(0, CERTIFICATES)
                .mapToObj(i -> f.repository.find(TestCertificates.id(i)).certificate())
                .toList();
    }
}
