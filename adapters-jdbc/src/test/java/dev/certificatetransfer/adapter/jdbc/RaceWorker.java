package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.principal;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Either;
import io.vavr.control.Option;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * One side of the cross-process race: threads of random transfer, accept, reject, cancel and update calls on the
 * same few certificates, through the real service on the JDBC repository, recording every acknowledged answer with
 * the version it left. Run in the test's JVM by {@link #race}, and in a second JVM by {@link #main}, which prints
 * the outcome as lines on standard output.
 */
final class RaceWorker {

    /** The certificates raced on. */
    static final List<CertificateId> CERTIFICATES =
            IntStream.range(0, 4).mapToObj(TestCertificates::id).toList();

    /** An acknowledged call: what it asked, who asked, and the certificate's version in its answer. */
    record Ack(CertificateId id, EventType type, AccountId actor, long version, Option<CertificateStatus> requested) {

        String line() {
            return "ACK " + id.value() + " " + type + " " + actor.value() + " " + version + " "
                    + requested.map(Enum::name).getOrElse("-");
        }

        static Ack parse(String line) {
            String[] f = line.split(" ", -1);
            return new Ack(
                    new CertificateId(f[1]),
                    EventType.valueOf(f[2]),
                    new AccountId(f[3]),
                    Long.parseLong(f[4]),
                    f[5].equals("-") ? Option.none() : Option.some(CertificateStatus.valueOf(f[5])));
        }
    }

    /**
     * What one side saw: how many calls it made, its acknowledgements, how many THROTTLED answers, the SQLSTATEs of
     * its database failures (or the class names of unexpected exceptions), and the serialization failures and
     * deadlocks met, retried or not.
     */
    record Outcome(int calls, List<Ack> acks, int throttled, List<String> failures, long serializationFailures) {

        List<String> lines() {
            var lines = new ArrayList<String>();
            lines.add("CALLS " + calls);
            acks.forEach(ack -> lines.add(ack.line()));
            lines.add("THROTTLED " + throttled);
            failures.forEach(state -> lines.add("FAILURE " + state));
            lines.add("SERIALIZATION_FAILURES " + serializationFailures);
            return lines;
        }

        static Outcome parse(List<String> lines) {
            var acks = new ArrayList<Ack>();
            var failures = new ArrayList<String>();
            int calls = 0;
            int throttled = 0;
            long serializationFailures = 0;
            for (String line : lines) {
                String[] f = line.split(" ", 2);
                switch (f[0]) {
                    case "CALLS" -> calls = Integer.parseInt(f[1]);
                    case "ACK" -> acks.add(Ack.parse(line));
                    case "THROTTLED" -> throttled = Integer.parseInt(f[1]);
                    case "FAILURE" -> failures.add(f[1]);
                    case "SERIALIZATION_FAILURES" -> serializationFailures = Long.parseLong(f[1]);
                    default -> throw new IllegalArgumentException("unexpected line from the other JVM: " + line);
                }
            }
            return new Outcome(calls, acks, throttled, failures, serializationFailures);
        }
    }

    private final CertificateTransferService service;
    private final JdbcCertificateRepository repository;
    private final Consumer<Ack> acks;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    /** A worker that hands each acknowledgement, as soon as it has it, to the sink (called by several threads). */
    RaceWorker(DataSource dataSource, Consumer<Ack> acks) {
        this.service = Services.on(dataSource);
        this.repository = new JdbcCertificateRepository(dataSource);
        this.acks = acks;
    }

    /** Registers the raced certificates, owned in turn by Alice, Bob and Carol, and answers the acknowledgements. */
    static List<Ack> registerAll(DataSource dataSource) {
        var service = Services.on(dataSource);
        return IntStream.range(0, CERTIFICATES.size())
                .mapToObj(i -> {
                    AccountId owner = Accounts.ALL.get(i % Accounts.ALL.size());
                    var registered = service.registerCertificateWithoutCa(
                                    principal(owner), TestCertificates.parsed(i), CertificateStatus.INACTIVE)
                            .get();
                    return new Ack(
                            registered.certificateId(),
                            EventType.CERTIFICATE_REGISTERED,
                            owner,
                            registered.certificate().version(),
                            Option.<CertificateStatus>none());
                })
                .toList();
    }

    /** Races {@code threads} threads on the data source for the duration; the failures counter watches it. */
    static Outcome race(DataSource dataSource, SerializationFailures counter, int threads, Duration duration)
            throws InterruptedException {
        var acks = new ConcurrentLinkedQueue<Ack>();
        var worker = new RaceWorker(counter.counting(dataSource), acks::add);
        worker.run(threads, duration);
        return new Outcome(
                worker.calls.get(),
                List.copyOf(acks),
                worker.throttled.get(),
                List.copyOf(worker.failures),
                counter.count());
    }

    /** Runs the threads' calls until the duration is over; each thread makes one call at least, however slow. */
    void run(int threads, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        var running = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            var thread = new Thread(
                    () -> {
                        do {
                            callOnce();
                        } while (System.nanoTime() < end);
                    },
                    "race-" + i);
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
    }

    /** The second JVM: arguments are the JDBC URL, the Hikari isolation name (or "default"), threads, milliseconds. */
    public static void main(String[] args) throws InterruptedException {
        String isolation = args[1].equals("default") ? null : args[1];
        int threads = Integer.parseInt(args[2]);
        try (var pool = TestDatabases.pool(args[0], threads, isolation)) {
            new JdbcCertificateRepository(pool).find(CERTIFICATES.get(0));
            System.out.println("READY");
            System.out.flush();
            var outcome = race(pool, new SerializationFailures(), threads, Duration.ofMillis(Long.parseLong(args[3])));
            outcome.lines().forEach(System.out::println);
        }
        System.out.flush();
    }

    private void callOnce() {
        var random = ThreadLocalRandom.current();
        var id = CERTIFICATES.get(random.nextInt(CERTIFICATES.size()));
        try {
            var current = repository.find(id).certificate();
            var caller = random.nextInt(5) == 0 || current.isEmpty() ? anyAccount() : plausibleCaller(current.get());
            call(id, caller, current);
        } catch (JdbcRepositoryException e) {
            failures.add(String.valueOf(e.sqlState()));
        } catch (RuntimeException e) {
            e.printStackTrace();
            failures.add(e.getClass().getName());
        }
        calls.incrementAndGet();
    }

    /** Mostly the call the state invites (so most calls race to write); sometimes any call from anyone. */
    private void call(CertificateId id, AccountId caller, Option<Certificate> seen) {
        var random = ThreadLocalRandom.current();
        boolean pending = seen.flatMap(Certificate::pendingTransfer).isDefined();
        int choice = random.nextInt(5) == 0 ? random.nextInt(5) : pending ? random.nextInt(3) : 3 + random.nextInt(2);
        var who = principal(caller);
        switch (choice) {
            case 0 ->
                record(
                        id,
                        EventType.TRANSFER_ACCEPTED,
                        caller,
                        Option.none(),
                        service.acceptCertificateTransfer(who, id, random.nextBoolean())
                                .map(Certificate::version));
            case 1 ->
                record(
                        id,
                        EventType.TRANSFER_REJECTED,
                        caller,
                        Option.none(),
                        service.rejectCertificateTransfer(who, id, Option.some(new RejectReason("no'; --")))
                                .map(Certificate::version));
            case 2 ->
                record(
                        id,
                        EventType.TRANSFER_CANCELLED,
                        caller,
                        Option.none(),
                        service.cancelCertificateTransfer(who, id).map(Certificate::version));
            case 3 ->
                record(
                        id,
                        EventType.TRANSFER_REQUESTED,
                        caller,
                        Option.none(),
                        service.transferCertificate(who, id, anyAccount(), Option.some(new TransferMessage("yours")))
                                .map(t -> t.certificate().version()));
            default -> {
                var status = random.nextBoolean() ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
                record(
                        id,
                        EventType.CERTIFICATE_STATUS_CHANGED,
                        caller,
                        Option.some(status),
                        service.updateCertificate(who, id, status).map(Certificate::version));
            }
        }
    }

    /** The owner for a transfer, cancel or update; the target for an accept or reject (the caller picks the call). */
    private static AccountId plausibleCaller(Certificate seen) {
        return seen.pendingTarget()
                .filter(target -> ThreadLocalRandom.current().nextInt(3) != 2)
                .getOrElse(seen.owner());
    }

    private static AccountId anyAccount() {
        return Accounts.ALL.get(ThreadLocalRandom.current().nextInt(Accounts.ALL.size()));
    }

    private void record(
            CertificateId id,
            EventType type,
            AccountId actor,
            Option<CertificateStatus> requested,
            Either<Refusal, Long> answer) {
        if (answer.isRight()) {
            acks.accept(new Ack(id, type, actor, answer.get(), requested));
        } else if (answer.getLeft().code() == RefusalCode.THROTTLED) {
            throttled.incrementAndGet();
        }
    }
}
