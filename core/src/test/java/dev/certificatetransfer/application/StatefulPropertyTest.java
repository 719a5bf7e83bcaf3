package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.certificatetransfer.application.ReferenceModel.Kind;
import dev.certificatetransfer.application.ReferenceModel.Move;
import dev.certificatetransfer.application.ReferenceModel.Role;
import dev.certificatetransfer.application.ReferenceModel.Step;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvolution;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.Transfer;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Random sequences of every operation, from three accounts on four certificates, run against the real service
 * on the in-memory adapter and checked after every step against {@link ReferenceModel}, plus the invariants.
 */
class StatefulPropertyTest {

    private static final int CERTIFICATES = 3;

    /** Operations weighted towards the transfer lifecycle; every operation still appears. */
    private static final List<Kind> KINDS = weighted(Map.of(Kind.REGISTER, 3, Kind.TRANSFER, 5, Kind.ACCEPT, 3,
            Kind.REJECT, 2, Kind.CANCEL, 3, Kind.UPDATE, 2, Kind.DELETE, 1, Kind.DESCRIBE, 1, Kind.LIST, 1));
    /** The target of a transfer: mostly the counterpart, sometimes a third account, rarely the owner itself. */
    private static final List<Role> TARGETS = weighted(Map.of(Role.OWNER, 1, Role.COUNTERPART, 4, Role.THIRD, 2));
    /** Who calls: mostly the role the operation is meant for, often enough anyone else. */
    private static final List<Role> OWNER_MOSTLY = weighted(Map.of(Role.OWNER, 4, Role.COUNTERPART, 1, Role.THIRD, 1));
    private static final List<Role> COUNTERPART_MOSTLY = weighted(Map.of(Role.OWNER, 1, Role.COUNTERPART, 4, Role.THIRD, 1));
    /** Mostly the statuses that allow transfers, then every other one, the unrequestable ones included. */
    private static final List<CertificateStatus> STATUSES = weighted(Map.of(CertificateStatus.INACTIVE, 4,
            CertificateStatus.ACTIVE, 2, CertificateStatus.REGISTER_INACTIVE, 1, CertificateStatus.REVOKED, 1,
            CertificateStatus.PENDING_TRANSFER, 1, CertificateStatus.PENDING_ACTIVATION, 1));

    private static Gen<Move> moves() {
        return Generate.pick(KINDS).flatMap(kind -> Generate.pick(callers(kind)).zip(
                integers().between(0, CERTIFICATES - 1), Generate.pick(TARGETS),
                integers().between(0, 2 * STATUSES.size() - 1),
                (actor, cert, target, extra) -> new Move(kind, actor, cert, target, extra % 2 == 0,
                        STATUSES.get(extra / 2))));
    }

    private static List<Role> callers(Kind kind) {
        return kind == Kind.ACCEPT || kind == Kind.REJECT ? COUNTERPART_MOSTLY : OWNER_MOSTLY;
    }

    private static <T extends Comparable<T>> List<T> weighted(Map<T, Integer> weights) {
        return weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .flatMap(e -> java.util.Collections.nCopies(e.getValue(), e.getKey()).stream()).toList();
    }

    /** How often each operation met each answer, over all examples: what the test actually tried. */
    private static final Map<String, Integer> OUTCOMES = new ConcurrentSkipListMap<>();

    /** Rows of the spec that the generated moves must reach often, or the property proves little. */
    private static final List<String> MUST_REACH = List.of("TRANSFER ok", "ACCEPT ok", "REJECT ok", "CANCEL ok",
            "CANCEL UNAUTHORIZED", "CANCEL NOT_FOUND", "CANCEL TRANSFER_ALREADY_COMPLETED", "CANCEL INVALID_REQUEST",
            "ACCEPT UNAUTHORIZED", "ACCEPT TRANSFER_ALREADY_COMPLETED", "TRANSFER CERTIFICATE_STATE",
            "TRANSFER INVALID_REQUEST", "UPDATE CERTIFICATE_STATE", "DELETE ok", "DELETE CERTIFICATE_STATE",
            "REGISTER ALREADY_EXISTS");

    @AfterAll
    static void the_generated_moves_reached_every_interesting_row() {
        System.out.println("Stateful property test, outcomes tried: " + OUTCOMES);
        for (String row : MUST_REACH) {
            assertThat(OUTCOMES.getOrDefault(row, 0)).as("times the moves reached %s", row).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void the_service_behaves_as_the_reference_model_and_keeps_its_invariants() {
        qt().withExamples(600).withShrinkCycles(2000)
                .forAll(lists().of(moves()).ofSizeBetween(1, 60))
                .checkAssert(this::runAndCheck);
    }

    private void runAndCheck(List<Move> moves) {
        var fixture = new ServiceFixture();
        var model = ReferenceModel.EMPTY;
        var steps = new java.util.ArrayList<Step>();
        for (Move move : moves) {
            var step = move.resolve(model);
            steps.add(step);
            var before = snapshot(fixture);
            var eventsBefore = fixture.events.events().size();
            var expected = model.step(step);
            var actual = execute(fixture, step);
            boolean changed = expected.isRight() && !expected.get().equals(model);
            assertThat(fixture.events.events().size() - eventsBefore)
                    .as("exactly one event per state change, none otherwise: %s", step).isEqualTo(changed ? 1 : 0);
            assertThat(actual.isLeft() ? Either.left(actual.getLeft().code()) : Either.right("ok"))
                    .as("%s after %s", step, steps).isEqualTo(expected.isLeft() ? Either.left(expected.getLeft()) : Either.right("ok"));
            OUTCOMES.merge(step.kind() + (expected.isRight() ? " ok" : " " + expected.getLeft()), 1, Integer::sum);
            if (expected.isRight()) {
                model = expected.get();
            }
            checkAgainstModel(fixture, model, step);
            checkInvariants(fixture, before, snapshot(fixture));
        }
        checkReplay(fixture);
    }

    private static Either<Rejection, ?> execute(ServiceFixture f, Step s) {
        Principal caller = Accounts.principal(s.actor());
        var id = TestCertificates.id(s.certificate());
        var service = f.service;
        return switch (s.kind()) {
            case REGISTER -> service.registerCertificateWithoutCa(caller, TestCertificates.parsed(s.certificate()), s.status());
            case TRANSFER -> service.transferCertificate(caller, id, s.target(), Option.none());
            case ACCEPT -> service.acceptCertificateTransfer(caller, id, s.flag());
            case REJECT -> service.rejectCertificateTransfer(caller, id, Option.none());
            case CANCEL -> service.cancelCertificateTransfer(caller, id);
            case UPDATE -> service.updateCertificate(caller, id, s.status());
            case DELETE -> service.deleteCertificate(caller, id, s.flag());
            case DESCRIBE -> service.describeCertificate(caller, id);
            case LIST -> service.listCertificates(caller, PageRequest.FIRST).peek(page -> assertThat(
                    page.items().map(c -> c.id()).toSet()).isEqualTo(visibleInModel(f, s)));
        };
    }

    private static io.vavr.collection.Set<dev.certificatetransfer.domain.CertificateId> visibleInModel(ServiceFixture f,
            Step s) {
        return io.vavr.collection.List.range(0, CERTIFICATES).map(i -> f.repository.find(TestCertificates.id(i)).certificate())
                .flatMap(o -> o).filter(c -> c.owner().equals(s.actor()) || c.pendingTarget().contains(s.actor()))
                .map(Certificate::id).toSet();
    }

    private static void checkAgainstModel(ServiceFixture f, ReferenceModel model, Step step) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var stored = f.repository.find(TestCertificates.id(i)).certificate();
            var modelled = model.certificates().get(i);
            assertThat(stored.isDefined()).as("certificate %d exists after %s", i, step).isEqualTo(modelled.isDefined());
            for (var m : modelled) {
                var c = stored.get();
                assertThat(c.owner()).as("owner of %d after %s", i, step).isEqualTo(m.owner());
                assertThat(c.status()).as("status of %d after %s", i, step).isEqualTo(m.status());
                assertThat(c.customerVersion()).as("customerVersion of %d", i).isEqualTo(m.customerVersion());
                assertThat(c.lastTransfer().map(Transfer::status).getOrNull()).isEqualTo(m.lastOutcome());
            }
        }
    }

    private static void checkInvariants(ServiceFixture f, List<Option<Certificate>> before, List<Option<Certificate>> after) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var was = before.get(i);
            var is = after.get(i);
            if (was.isDefined() && is.isDefined()) {
                var w = was.get();
                var n = is.get();
                assertThat(n.customerVersion()).as("customerVersion never decreases").isGreaterThanOrEqualTo(w.customerVersion());
                assertThat(n.equals(w) || n.customerVersion() > w.customerVersion())
                        .as("every change increments customerVersion").isTrue();
                assertThat(n.equals(w) || n.lastModifiedDate().isAfter(w.lastModifiedDate()))
                        .as("every change moves lastModifiedDate forward").isTrue();
                var completedBefore = w.lastTransfer().filter(t -> t.status().isCompleted());
                for (var completed : completedBefore) {
                    assertThat(n.lastTransfer().get().transferDate().equals(completed.transferDate())
                            ? n.lastTransfer().get() : completed)
                            .as("a completed transfer never changes; only a new transfer replaces it")
                            .isEqualTo(completed);
                }
            }
            for (var c : is) {
                long owners = Accounts.ALL.stream().filter(a -> f.service.describeCertificate(Accounts.principal(a), c.id())
                        .exists(d -> d.owner().equals(a))).count();
                assertThat(owners).as("exactly one account owns certificate %d", i).isEqualTo(1);
            }
        }
    }

    private static void checkReplay(ServiceFixture f) {
        for (int i = 0; i < CERTIFICATES; i++) {
            var id = TestCertificates.id(i);
            var ofThis = f.events.events().filter(e -> e.certificateId().equals(id));
            assertThat(CertificateEvolution.replay(ofThis)).as("replaying the events of %d", i).isEqualTo(f.repository.find(id).certificate());
        }
    }

    private static List<Option<Certificate>> snapshot(ServiceFixture f) {
        return java.util.stream.IntStream.range(0, CERTIFICATES).mapToObj(i -> f.repository.find(TestCertificates.id(i)).certificate())
                .toList();
    }

}
