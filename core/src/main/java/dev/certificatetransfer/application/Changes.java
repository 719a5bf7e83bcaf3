package dev.certificatetransfer.application;

import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateChange;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Rejection;
import dev.certificatetransfer.domain.StoredCertificate;
import dev.certificatetransfer.port.CertificateRepository;
import dev.certificatetransfer.port.CommitOutcome;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load, decide, commit: the one write path of every use case. A commit that loses the compare-and-set race is
 * decided again on the winner's state, so the loser gets exactly the answer it would get after the winner. A call
 * that loses {@code maxAttempts} times in a row (a hot certificate, or a repository whose reads lag behind its
 * writes) gives up with {@link Rejection.Throttled}, having written nothing: it never spins forever.
 */
final class Changes {

    private static final Logger LOG = LoggerFactory.getLogger(Changes.class);

    private final CertificateRepository repository;
    private final Clock clock;
    private final int maxAttempts;

    Changes(CertificateRepository repository, Clock clock, int maxAttempts) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
        this.maxAttempts = maxAttempts;
    }

    /** A pure decision on the stored state at a time: a rejection, no change, or the event of one change. */
    @FunctionalInterface
    interface Decision {
        Either<Rejection, Option<CertificateEvent>> decide(StoredCertificate stored, Instant now);
    }

    /** A decision that, when it does not reject, always makes exactly one change. */
    static Either<Rejection, Option<CertificateEvent>> oneChange(Either<Rejection, ? extends CertificateEvent> decided) {
        return decided.map(Option::some);
    }

    /** The certificate after the decided change (or as it is, when the decision changes nothing). */
    Either<Rejection, Option<Certificate>> decideAndCommit(CertificateId id, Decision decision) {
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            var stored = repository.find(id);
            var current = stored.certificate();
            var decided = decision.decide(stored, changeTime(current.getOrNull()));
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
        }
        LOG.warn("Gave up on certificate {} after losing the race {} times", id, maxAttempts);
        return Either.left(new Rejection.Throttled("The certificate " + id
                + " is changing too often right now; nothing was changed, try again"));
    }

    /**
     * The clock's millisecond (what AWS shows, and what every database stores without loss), but never before the
     * certificate's previous change.
     */
    private Instant changeTime(Certificate current) {
        var now = Instant.ofEpochMilli(clock.millis());
        return current == null ? now : current.nextChangeTime(now);
    }
}
