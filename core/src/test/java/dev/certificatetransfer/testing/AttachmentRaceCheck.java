package dev.certificatetransfer.testing;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.Thing;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.EventPublisher;
import dev.certificatetransfer.port.out.RegistryRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.quicktheories.core.Gen;

import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A property for any storage that is both a {@link CertificateRepository} and a {@link RegistryRepository}: several
 * threads race attach and detach (of policies and things) against transfer, accept, cancel, reject, deletion (forced
 * or not), DeletePolicy and DeleteThing on two certificates, for many generated schedules, and what they leave behind
 * is checked as {@link RaceLogCheck} says, in a way that holds in every interleaving (it never requires a race to
 * happen). Each schedule runs on fresh storage from the supplier: certificate 0 registered by Alice, 1 by Bob, each
 * with {@code policy-0}, {@code policy-1}, {@code thing-0} and {@code thing-1}, then a few calls one after the other,
 * then the threads, released at once. The events are recorded as the repository commits them (and, for storage that
 * publishes to a given publisher, compared with what it published).
 */
public final class AttachmentRaceCheck {

    static final int CERTIFICATES = 2;
    static final List<AccountId> ACCOUNTS = List.of(Accounts.ALICE, Accounts.BOB);

    /** How many schedules a check runs unless told: few, for storage whose calls are slow (a database). */
    public static final int DEFAULT_EXAMPLES = 20;

    /** How many threads race unless told. */
    public static final int DEFAULT_THREADS = 4;

    private static final List<RaceOp> SET_UP = List.of(
            RaceOp.of(RaceOp.Kind.REGISTER, 0, 0),
            RaceOp.of(RaceOp.Kind.REGISTER, 1, 0),
            RaceOp.of(RaceOp.Kind.CREATE_POLICY, 0, 0),
            RaceOp.of(RaceOp.Kind.CREATE_POLICY, 0, 1),
            RaceOp.of(RaceOp.Kind.CREATE_THING, 0, 0),
            RaceOp.of(RaceOp.Kind.CREATE_THING, 0, 1),
            RaceOp.of(RaceOp.Kind.CREATE_POLICY, 1, 0),
            RaceOp.of(RaceOp.Kind.CREATE_POLICY, 1, 1),
            RaceOp.of(RaceOp.Kind.CREATE_THING, 1, 0),
            RaceOp.of(RaceOp.Kind.CREATE_THING, 1, 1));

    private final Function<RecordingEventPublisher, Recording> storages;
    private final boolean publishes;
    private final int examples;
    private final int threads;

    private AttachmentRaceCheck(
            Function<RecordingEventPublisher, Recording> storages, boolean publishes, int examples, int threads) {
        this.storages = storages;
        this.publishes = publishes;
        this.examples = examples;
        this.threads = threads;
    }

    /**
     * The check on storage that publishes its events elsewhere (a JDBC outbox): the commits are the log. Each
     * schedule needs empty storage (the same two certificates are registered in each): the supplier gives a new
     * database, or empties one.
     */
    public static <R extends CertificateRepository & RegistryRepository> AttachmentRaceCheck on(
            Supplier<R> repositories) {
        return new AttachmentRaceCheck(
                publisher -> new Recording(repositories.get()), false, DEFAULT_EXAMPLES, DEFAULT_THREADS);
    }

    /**
     * The check on storage that publishes to the publisher it is given (the in-memory repository), new and empty for
     * each schedule; the published events must be the committed ones, in version order per certificate.
     */
    public static <R extends CertificateRepository & RegistryRepository> AttachmentRaceCheck onPublishing(
            Function<EventPublisher, R> repositories) {
        return new AttachmentRaceCheck(
                publisher -> new Recording(repositories.apply(publisher)), true, DEFAULT_EXAMPLES, DEFAULT_THREADS);
    }

    /** This check with another number of generated schedules. */
    public AttachmentRaceCheck examples(int count) {
        return new AttachmentRaceCheck(storages, publishes, count, threads);
    }

    /** This check with another number of racing threads (at least 2). */
    public AttachmentRaceCheck threads(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a race takes at least two threads");
        }
        return new AttachmentRaceCheck(storages, publishes, examples, count);
    }

    /**
     * Runs the property; an AssertionError names the first schedule that broke it, its calls and its events.
     *
     * @return how often each operation met each answer, over all schedules: what the check actually tried
     */
    public Map<String, Integer> check() {
        var tally = new ConcurrentSkipListMap<String, Integer>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            qt().withExamples(examples)
                    .withShrinkCycles(100)
                    .forAll(schedules())
                    .checkAssert(schedule -> run(schedule, pool, tally));
        } finally {
            pool.shutdownNow();
        }
        return tally;
    }

    private Gen<RaceSchedule> schedules() {
        var op = RaceOp.generator();
        return lists().of(op)
                .ofSizeBetween(0, 6)
                .zip(
                        lists().of(lists().of(op).ofSizeBetween(2, 6)).ofSize(threads),
                        (setUp, plans) -> new RaceSchedule(
                                List.ofAll(setUp), List.ofAll(plans).map(List::ofAll)));
    }

    private void run(RaceSchedule schedule, ExecutorService pool, Map<String, Integer> tally) {
        var publisher = new RecordingEventPublisher();
        var storage = storages.apply(publisher);
        var runner = new RaceRunner(
                CertificateTransferService.builder()
                        .repository(storage)
                        .authorizer(new AllowAuthenticatedAuthorizer())
                        .clock(new TickingClock())
                        .build(),
                storage);
        var calls = SET_UP.appendAll(schedule.setUp())
                .zipWithIndex()
                .map(op -> runner.perform("set-up/" + op._2, -1, op._1))
                .appendAll(race(schedule, runner, pool));
        RaceLogCheck.check(
                calls,
                List.ofAll(storage.committed),
                publishes ? Option.some(publisher.events()) : Option.none(),
                storage,
                () -> "schedule " + schedule + "\ncalls:\n" + calls.mkString("\n") + "\ncommitted:\n"
                        + List.ofAll(storage.committed).mkString("\n"));
        calls.forEach(c ->
                tally.merge(c.op().kind() + " " + c.refusal().map(Enum::name).getOrElse("ok"), 1, Integer::sum));
        calls.forEach(c -> calls.filter(other -> other.thread() > c.thread()
                        && c.thread() >= 0
                        && other.op().certificate() == c.op().certificate()
                        && other.overlaps(c))
                .forEach(other -> tally.merge("overlapping calls on one certificate", 1, Integer::sum)));
    }

    /** The threads' calls, all released at once; each thread's calls in its order, the threads' one after another. */
    private List<RaceCall> race(RaceSchedule schedule, RaceRunner runner, ExecutorService pool) {
        var barrier = new CyclicBarrier(threads);
        var futures = List.range(0, threads)
                .map(t -> pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return schedule.threads()
                            .get(t)
                            .zipWithIndex()
                            .map(op -> runner.perform("thread-" + t + "/" + op._2, t, op._1));
                }));
        return futures.flatMap(AttachmentRaceCheck::join);
    }

    private static List<RaceCall> join(Future<List<RaceCall>> thread) {
        try {
            return thread.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("a racing thread failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the threads raced", e);
        } catch (TimeoutException e) {
            throw new AssertionError("a racing thread did not end within 60 s", e);
        }
    }

    /** A generated race: calls made one after the other first, then each thread's calls. */
    record RaceSchedule(List<RaceOp> setUp, List<List<RaceOp>> threads) {
        @Override
        public String toString() {
            return "set-up " + setUp.mkString(", ") + "; "
                    + threads.zipWithIndex()
                            .map(t -> "thread " + t._2 + ": " + t._1.mkString(", "))
                            .mkString("; ");
        }
    }

    /**
     * The storage under test, recording every event whose change it committed; a read or a write sometimes yields or
     * takes a moment first, as a database round trip does, so that the calls interleave in more ways (between a
     * decision and its write too).
     */
    private static final class Recording extends ForwardingRegistryRepository {
        final ConcurrentLinkedQueue<CertificateEvent> committed = new ConcurrentLinkedQueue<>();

        <R extends CertificateRepository & RegistryRepository> Recording(R delegate) {
            super(delegate);
        }

        @Override
        public CommitOutcome commit(CertificateChange change) {
            jitter();
            var outcome = super.commit(change);
            if (outcome == CommitOutcome.COMMITTED) {
                committed.add(change.event());
            }
            return outcome;
        }

        @Override
        public StoredCertificate find(CertificateId id) {
            jitter();
            return super.find(id);
        }

        @Override
        public CommitOutcome deletePolicy(IotPolicy policy) {
            jitter();
            return super.deletePolicy(policy);
        }

        @Override
        public CommitOutcome deleteThing(Thing thing) {
            jitter();
            return super.deleteThing(thing);
        }

        @SuppressWarnings("ThreadPriorityCheck") // yielding here is the point: it varies the interleavings
        private static void jitter() {
            switch (ThreadLocalRandom.current().nextInt(8)) {
                case 0, 1 -> Thread.yield();
                case 2 -> LockSupport.parkNanos(20_000);
                default -> {}
            }
        }
    }
}
