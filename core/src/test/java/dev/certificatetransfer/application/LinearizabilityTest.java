package dev.certificatetransfer.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.ReferenceModel.Kind;
import dev.certificatetransfer.application.ReferenceModel.Role;
import dev.certificatetransfer.application.ReferenceModel.Step;
import dev.certificatetransfer.application.ReferenceModel.View;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.ParsedCertificate;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.StoredCertificate;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.ForwardingCertificateRepository;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * Three threads run short random histories of register, transfer, accept, reject, cancel, update, delete and describe
 * on two certificates against one shared service, and every history must be linearizable against
 * {@link ReferenceModel}: some order of the calls that keeps their real-time order gives each call its recorded
 * answer and ends in the stored state (a brute-force search in the manner of Wing and Gong). A failure names its
 * seed; {@code -Dlinearizability.seed=} that seed runs the same plans again (the interleaving is the scheduler's).
 */
class LinearizabilityTest {

    private static final int THREADS = 3;
    private static final int CERTIFICATES = 2;
    private static final int ROUNDS = 1000;

    /**
     * What a round mostly does, every other round: settle pending transfers by racing accept, reject and cancel; or
     * delete certificates and register them again while stale changes are in flight (the ABA of issue 5), with three
     * calls in four aimed at certificate 0.
     */
    // its constants hold only stateless functions and immutable lists, which the checker cannot see
    @SuppressWarnings("ImmutableEnumChecker")
    enum Flavour {
        SETTLE(
                3,
                weighted(Map.of(
                        Kind.REGISTER,
                        1,
                        Kind.TRANSFER,
                        3,
                        Kind.ACCEPT,
                        4,
                        Kind.REJECT,
                        3,
                        Kind.CANCEL,
                        4,
                        Kind.UPDATE,
                        1,
                        Kind.DELETE,
                        1,
                        Kind.DESCRIBE,
                        1))),
        REREGISTER(
                0,
                weighted(Map.of(
                        Kind.REGISTER,
                        5,
                        Kind.TRANSFER,
                        3,
                        Kind.ACCEPT,
                        1,
                        Kind.REJECT,
                        1,
                        Kind.CANCEL,
                        1,
                        Kind.UPDATE,
                        3,
                        Kind.DELETE,
                        5,
                        Kind.DESCRIBE,
                        1)));

        /** In how many of four cases a certificate starts pending transfer. */
        final int pendingInFour;

        final List<Kind> kinds;

        Flavour(int pendingInFour, List<Kind> kinds) {
            this.pendingInFour = pendingInFour;
            this.kinds = kinds;
        }
    }

    private static final List<CertificateStatus> UPDATES =
            weighted(Map.of(CertificateStatus.INACTIVE, 3, CertificateStatus.ACTIVE, 2, CertificateStatus.REVOKED, 1));
    private static final List<ParsedCertificate> PARSED =
            IntStream.range(0, CERTIFICATES).mapToObj(TestCertificates::parsed).toList();

    /**
     * Calls that must happen often over all rounds, or the histories prove little. None of them needs calls to overlap
     * (calls one after the other reach them too); how many overlapped depends on the scheduler, so it is only printed.
     */
    private static final List<String> MUST_REACH = List.of(
            "REGISTER ok",
            "TRANSFER ok",
            "ACCEPT ok",
            "REJECT ok",
            "CANCEL ok",
            "UPDATE ok",
            "DELETE ok",
            "ACCEPT TRANSFER_ALREADY_COMPLETED",
            "CANCEL TRANSFER_ALREADY_COMPLETED",
            "REGISTER ALREADY_EXISTS",
            "TRANSFER NOT_FOUND");

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** One call as it happened: who did what, when it began and ended (a global sequence), and its answer. */
    record Call(int thread, Step step, long invoked, long returned, Either<RefusalCode, Option<View>> answer) {
        @Override
        public String toString() {
            return "thread " + thread + " [" + invoked + ".." + returned + "] " + step + " -> " + answer;
        }
    }

    @Test
    void every_history_of_concurrent_calls_is_linearizable_against_the_reference_model() throws Exception {
        long seed = Long.getLong("linearizability.seed", System.nanoTime());
        for (int round = 0; round < ROUNDS; round++) {
            var random = new Random(seed + round);
            var repository = new InMemoryCertificateRepository();
            var service = service(new SlowReads(repository));
            var flavour = Flavour.values()[round % 2];
            var start = setUp(service, random, flavour);
            var history = run(service, plan(random, start, flavour));
            var stored = IntStream.range(0, CERTIFICATES)
                    .mapToObj(i -> repository
                            .find(TestCertificates.id(i))
                            .certificate()
                            .map(View::of))
                    .toList();
            assertThat(new Search(history, stored).linearizable(start))
                    .as(
                            "a linearizable history (seed %d, round %d), from %s:%n%s%nending in %s",
                            seed,
                            round,
                            start.certificates(),
                            String.join(
                                    "\n", history.stream().map(Call::toString).toList()),
                            stored)
                    .isTrue();
            tally(history);
        }
        System.out.println("Linearizability test, calls tried: " + outcomes);
        for (String row : MUST_REACH) {
            assertThat(outcomes.getOrDefault(row, 0))
                    .as("times the histories reached %s (seed %d)", row, seed)
                    .isGreaterThanOrEqualTo(20);
        }
    }

    private static CertificateTransferUseCases service(CertificateRepository repository) {
        return CertificateTransferService.builder()
                .repository(repository)
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(new TickingClock())
                .build();
    }

    /** Each certificate registered by a random account, and some of them pending transfer to another. */
    private static ReferenceModel setUp(CertificateTransferUseCases service, Random random, Flavour flavour) {
        var model = ReferenceModel.EMPTY;
        for (int i = 0; i < CERTIFICATES; i++) {
            var owner = anyAccount(random);
            var steps =
                    new ArrayList<>(List.of(step(Kind.REGISTER, owner, i, owner, false, CertificateStatus.INACTIVE)));
            if (random.nextInt(4) < flavour.pendingInFour) {
                steps.add(step(Kind.TRANSFER, owner, i, otherThan(owner, random), false, CertificateStatus.INACTIVE));
            }
            for (var s : steps) {
                assertThat(call(service, s).isRight()).as("set-up %s", s).isTrue();
                model = model.step(s).get();
            }
        }
        return model;
    }

    /**
     * Each thread's calls, 4 or 5, fixed before they run. Accounts (and a registration's certificate) are chosen as
     * the calls are generated: mostly the ones each call is meant for in a guessed order (round robin), so that many
     * calls succeed and race.
     */
    private static List<List<Step>> plan(Random random, ReferenceModel start, Flavour flavour) {
        var plans =
                IntStream.range(0, THREADS).mapToObj(t -> new ArrayList<Step>()).toList();
        var lengths =
                IntStream.range(0, THREADS).map(t -> 4 + random.nextInt(2)).toArray();
        var guess = start;
        for (int k = 0; k < 5; k++) {
            for (int t = 0; t < THREADS; t++) {
                if (k < lengths[t]) {
                    var s = randomStep(random, guess, flavour);
                    plans.get(t).add(s);
                    guess = guess.step(s).getOrElse(guess);
                }
            }
        }
        return List.copyOf(plans);
    }

    private static Step randomStep(Random random, ReferenceModel guess, Flavour flavour) {
        var kind = flavour.kinds.get(random.nextInt(flavour.kinds.size()));
        var deleted = IntStream.range(0, CERTIFICATES)
                .filter(i -> guess.certificates().get(i).isEmpty())
                .toArray();
        int cert = kind == Kind.REGISTER && deleted.length > 0 && random.nextInt(4) > 0
                ? deleted[random.nextInt(deleted.length)]
                : flavour == Flavour.REREGISTER && random.nextInt(4) > 0 ? 0 : random.nextInt(CERTIFICATES);
        var meant = guess.account(cert, kind == Kind.ACCEPT || kind == Kind.REJECT ? Role.COUNTERPART : Role.OWNER);
        var actor = kind == Kind.REGISTER || random.nextInt(4) == 0 ? anyAccount(random) : meant;
        var owner = guess.account(cert, Role.OWNER);
        var target = random.nextInt(8) == 0 ? anyAccount(random) : otherThan(owner, random);
        var status = kind == Kind.UPDATE
                ? UPDATES.get(random.nextInt(UPDATES.size()))
                : kind == Kind.REGISTER && random.nextInt(5) == 0
                        ? CertificateStatus.ACTIVE
                        : CertificateStatus.INACTIVE;
        return step(kind, actor, cert, target, random.nextInt(4) == 0, status);
    }

    private static Step step(
            Kind kind, AccountId actor, int cert, AccountId target, boolean flag, CertificateStatus status) {
        return new Step(kind, actor, cert, target, flag, status, Option.none(), 0);
    }

    private static AccountId anyAccount(Random random) {
        return Accounts.ALL.get(random.nextInt(Accounts.ALL.size()));
    }

    private static AccountId otherThan(AccountId account, Random random) {
        var others = Accounts.ALL.stream().filter(a -> !a.equals(account)).toList();
        return others.get(random.nextInt(others.size()));
    }

    /** Runs the plans, one thread each, all released at once; each call is stamped just before and just after. */
    private List<Call> run(CertificateTransferUseCases service, List<List<Step>> plans) throws Exception {
        var sequence = new AtomicLong();
        var barrier = new CyclicBarrier(THREADS);
        var threads = new ArrayList<Future<List<Call>>>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                barrier.await();
                var calls = new ArrayList<Call>();
                for (var s : plans.get(thread)) {
                    long invoked = sequence.incrementAndGet();
                    var answer = call(service, s);
                    calls.add(new Call(thread, s, invoked, sequence.incrementAndGet(), answer));
                }
                return calls;
            }));
        }
        var history = new ArrayList<Call>();
        for (var thread : threads) {
            history.addAll(thread.get(30, TimeUnit.SECONDS));
        }
        history.sort(Comparator.comparingLong(Call::invoked));
        return history;
    }

    /** The call's answer as the model gives it: a refusal code, or what the caller sees of the certificate. */
    private static Either<RefusalCode, Option<View>> call(CertificateTransferUseCases service, Step s) {
        var caller = Accounts.principal(s.actor());
        var id = TestCertificates.id(s.certificate());
        Either<Refusal, Option<Certificate>> answer = switch (s.kind()) {
            case REGISTER ->
                service.registerCertificateWithoutCa(caller, PARSED.get(s.certificate()), s.status())
                        .map(registered -> Option.some(registered.certificate()));
            case TRANSFER ->
                service.transferCertificate(caller, id, s.target(), Option.none())
                        .map(transferred -> Option.some(transferred.certificate()));
            case ACCEPT ->
                service.acceptCertificateTransfer(caller, id, s.flag()).map(Option::some);
            case REJECT ->
                service.rejectCertificateTransfer(caller, id, Option.none()).map(Option::some);
            case CANCEL -> service.cancelCertificateTransfer(caller, id).map(Option::some);
            case UPDATE -> service.updateCertificate(caller, id, s.status()).map(Option::some);
            case DELETE -> service.deleteCertificate(caller, id, s.flag()).map(deleted -> Option.none());
            case DESCRIBE -> service.describeCertificate(caller, id).map(Option::some);
            default -> throw new IllegalArgumentException(s.kind() + " is not generated here");
        };
        return answer.mapLeft(Refusal::code).map(c -> c.map(View::of));
    }

    private void tally(List<Call> history) {
        for (var c : history) {
            outcomes.merge(
                    c.step().kind()
                            + (c.answer().isRight() ? " ok" : " " + c.answer().getLeft()),
                    1,
                    Integer::sum);
            for (var other : history) {
                boolean overlapping = other.thread() > c.thread()
                        && other.step().certificate() == c.step().certificate()
                        && other.invoked() < c.returned()
                        && c.invoked() < other.returned();
                if (overlapping) {
                    outcomes.merge("overlapping calls on one certificate", 1, Integer::sum);
                }
            }
        }
    }

    /**
     * Wing and Gong's search: take, in every possible way, a call that no other remaining call finished before,
     * apply it to the model and require the recorded answer; at the end, require the stored state. Each (model, set
     * of calls taken) that failed once is remembered, so the search stays small.
     */
    private static final class Search {
        private final List<Call> calls;
        private final List<Option<View>> stored;
        private final Set<Visit> failed = new HashSet<>();

        private record Visit(ReferenceModel model, int taken) {}

        Search(List<Call> calls, List<Option<View>> stored) {
            this.calls = calls;
            this.stored = stored;
        }

        boolean linearizable(ReferenceModel model) {
            return from(model, 0);
        }

        private boolean from(ReferenceModel model, int taken) {
            if (taken == (1 << calls.size()) - 1) {
                return IntStream.range(0, CERTIFICATES)
                        .allMatch(i -> model.view(i).equals(stored.get(i)));
            }
            if (!failed.add(new Visit(model, taken))) {
                return false;
            }
            for (int i = 0; i < calls.size(); i++) {
                if ((taken & (1 << i)) == 0 && mayComeNext(i, taken)) {
                    var next = answering(model, calls.get(i));
                    if (next.isDefined() && from(next.get(), taken | (1 << i))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** No other call still to take returned before this one was invoked. */
        private boolean mayComeNext(int i, int taken) {
            for (int j = 0; j < calls.size(); j++) {
                if (j != i
                        && (taken & (1 << j)) == 0
                        && calls.get(j).returned() < calls.get(i).invoked()) {
                    return false;
                }
            }
            return true;
        }

        /** The model after the call, if the model gives the call its recorded answer. */
        private static Option<ReferenceModel> answering(ReferenceModel model, Call call) {
            var s = call.step();
            var next = model.step(s);
            Either<RefusalCode, Option<View>> expected =
                    next.map(m -> s.kind() == Kind.DELETE ? Option.<View>none() : m.view(s.certificate()));
            return expected.equals(call.answer()) ? Option.some(next.getOrElse(model)) : Option.none();
        }
    }

    /**
     * The in-memory repository, except that a read sometimes takes a moment, as a database round trip does: it
     * widens the window between a call's read and its commit, where the races are, now and then long enough for
     * other threads to delete and register the certificate again meanwhile.
     */
    private static final class SlowReads extends ForwardingCertificateRepository {
        SlowReads(CertificateRepository repository) {
            super(repository);
        }

        @Override
        @SuppressWarnings("ThreadPriorityCheck") // yielding here is the point: it varies the interleavings
        public StoredCertificate find(CertificateId id) {
            var found = super.find(id);
            switch (ThreadLocalRandom.current().nextInt(8)) {
                case 0, 1 -> Thread.yield();
                case 2, 3 -> LockSupport.parkNanos(20_000);
                case 4, 5 -> LockSupport.parkNanos(1_000_000);
                default -> {}
            }
            return found;
        }
    }

    private static <T extends Comparable<T>> List<T> weighted(Map<T, Integer> weights) {
        return weights.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Collections.nCopies(e.getValue(), e.getKey()).stream())
                .toList();
    }
}
