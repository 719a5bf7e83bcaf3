package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Refusal;
import dev.certificatetransfer.domain.rules.TransferRules;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Load, decide, commit: the one write path of every use case. A commit that loses the compare-and-set race is
 * decided again on the winner's state, so the loser gets exactly the answer it would get after the winner. A call
 * that loses {@code maxAttempts} times in a row (a hot certificate, or a repository whose reads lag behind its
 * writes) gives up with {@link Refusal.Throttled}, having written nothing: it never spins forever.
 */
final class CommitLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLoop.class);

    private final CertificateRepository repository;
    private final ExpiryView expiryView;
    private final int maxAttempts;
    private final ServiceListener listener;

    CommitLoop(CertificateRepository repository, ExpiryView expiryView, int maxAttempts, ServiceListener listener) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.expiryView = Objects.requireNonNull(expiryView, "expiryView");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
    }

    /** A pure decision on the stored state at a time: a refusal, no change, or the event of one change. */
    @FunctionalInterface
    interface Decision {
        Either<Refusal, Option<CertificateEvent>> decide(StoredCertificate stored, Instant now);
    }

    /** A decision that, when it does not refuse, always makes exactly one change. */
    static Either<Refusal, Option<CertificateEvent>> oneChange(Either<Refusal, ? extends CertificateEvent> decided) {
        return decided.map(Option::some);
    }

    /** What {@link #expire} did. */
    enum Expiry {
        /** This call committed the expiry, with its one TransferExpired event. */
        EXPIRED,
        /** Nothing to expire (any more): nothing pending, not yet due, or someone else committed the expiry. */
        NOT_DUE,
        /** It kept losing the compare-and-set race and wrote nothing. */
        GAVE_UP
    }

    /**
     * The certificate after the decided change (or as it is, when the decision changes nothing). The decision sees
     * the certificate as it is now: a transfer that has expired is first expired for good (its TransferExpired
     * event, committed by compare-and-set, so racing callers record it once), then the decision is made on that.
     */
    Either<Refusal, Option<Certificate>> decideAndCommit(CertificateId id, Decision decision) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            var found = repository.find(id);
            var now = expiryView.now();
            var seen = expireIfDue(found, now);
            if (seen.isEmpty()) {
                LOG.debug("Lost a race on certificate {} while expiring its transfer (attempt {})", id, attempt);
                listener.raceLost(id, attempt);
                continue;
            }
            var stored = seen.get();
            var current = stored.certificate();
            var decided = decision.decide(stored, changeTime(current.getOrNull(), now));
            if (decided.isLeft()) {
                return Either.left(decided.getLeft());
            }
            if (decided.get().isEmpty()) {
                return Either.right(current);
            }
            var change = CertificateChange.of(current, decided.get().get());
            if (repository.commit(change) == CommitOutcome.COMMITTED) {
                return Either.right(change.after());
            }
            LOG.debug("Lost a race on certificate {} (attempt {}); deciding again on the winner's state", id, attempt);
            listener.raceLost(id, attempt);
        }
        LOG.warn("Gave up on certificate {} after losing the race {} times", id, maxAttempts);
        listener.gaveUp(id, maxAttempts);
        return Either.left(new Refusal.Throttled(
                "The certificate " + id + " is changing too often right now; nothing was changed, try again"));
    }

    /**
     * The write path of things and policies (their own rows, no certificate): an attempt answers none when its
     * commit lost a race, and is made again, at most {@code maxAttempts} times, then THROTTLED.
     */
    <T> Either<Refusal, T> retry(String what, Supplier<Option<Either<Refusal, T>>> once) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            var outcome = once.get();
            if (outcome.isDefined()) {
                return outcome.get();
            }
            LOG.debug("Lost a race on {} (attempt {}); deciding again", what, attempt);
        }
        LOG.warn("Gave up on {} after losing the race {} times", what, maxAttempts);
        return Either.left(new Refusal.Throttled(
                "The " + what + " is changing too often right now; nothing was changed, try again"));
    }

    /**
     * The sweep's write: commits the expiry of the certificate's transfer if it is due now. A lost race is decided
     * again on the winner's state, which is no longer due if the winner expired it (or the state moved on), so an
     * expiry is never recorded twice.
     */
    Expiry expire(CertificateId id) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            var current = repository.find(id).certificate();
            var due = current.flatMap(c -> TransferRules.expire(expiryView.expiry(), c, expiryView.now()));
            if (due.isEmpty()) {
                return Expiry.NOT_DUE;
            }
            if (repository.commit(CertificateChange.of(current, due.get())) == CommitOutcome.COMMITTED) {
                return Expiry.EXPIRED;
            }
            listener.raceLost(id, attempt);
        }
        LOG.warn("Gave up expiring the transfer of certificate {} after losing the race {} times", id, maxAttempts);
        listener.gaveUp(id, maxAttempts);
        return Expiry.GAVE_UP;
    }

    /** The stored state with a due expiry committed: as it was if nothing is due, none if the commit lost a race. */
    private Option<StoredCertificate> expireIfDue(StoredCertificate stored, Instant now) {
        var due = stored.certificate().flatMap(c -> TransferRules.expire(expiryView.expiry(), c, now));
        if (due.isEmpty()) {
            return Option.some(stored);
        }
        var change = CertificateChange.of(stored.certificate(), due.get());
        return repository.commit(change) == CommitOutcome.COMMITTED
                ? Option.some(StoredCertificate.of(change.after().get()))
                : Option.none();
    }

    /**
     * The clock's millisecond (what AWS shows, and what every database stores without loss), but never before the
     * certificate's previous change.
     */
    private static Instant changeTime(Certificate current, Instant now) {
        return current == null ? now : current.nextChangeTime(now);
    }
}
