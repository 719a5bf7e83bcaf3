package dev.certificatetransfer.port.out;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.collection.Seq;

/**
 * Where certificates live. Every write is a compare-and-set on the id's version, and records the change's event
 * atomically with the state, for delivery to an {@link EventPublisher} once committed. A new adapter proves itself
 * by passing {@code CertificateRepositoryContract} from core's test-jar.
 *
 * <p>Infrastructure failures (a database that is down, a broken connection) are exceptions that propagate: never
 * an empty result, and never {@link CommitOutcome#CONFLICT}. A commit whose outcome is unknown (the connection
 * dropped during COMMIT) also throws; calling the operation again is safe, because the compare-and-set makes a
 * change decided on the old version conflict if the first attempt did land.
 *
 * <p>Certificates' dates are whole milliseconds (the service truncates the clock), so an adapter may store them as
 * epoch milliseconds. A {@link ListingQuery}'s key comes from a caller's marker and may carry any {@code Instant}
 * (finer than a millisecond, or out of a column's range): the listing must treat it as an exact bound. Listing order
 * compares ids as Java strings (64 lowercase hex characters, so byte order, e.g. PostgreSQL's {@code COLLATE "C"}).
 *
 * <p>The service calls a repository from many threads at once: implementations must be thread-safe, and every
 * commit atomic. No method accepts or returns {@code null}. See docs/behaviour.md, sections 7 to 9 and 12.
 */
public interface CertificateRepository {

    /**
     * The latest committed state of the id: its certificate if registered, and the version of its latest change,
     * which a deletion keeps (a tombstone) so that a version is never reused for the id. It must be the latest
     * committed state, not a cached, replicated or snapshot read that may lag behind: a service that keeps deciding
     * on a stale state keeps losing the compare-and-set and answers THROTTLED after a bounded number of attempts.
     *
     * @param id the certificate id
     * @return what is stored under the id; {@link StoredCertificate#NEVER_STORED} if nothing ever was
     */
    StoredCertificate find(CertificateId id);

    /**
     * Commits the change if the id's stored version is still {@link CertificateChange#expectedVersion()} (0 meaning
     * "never stored"; a deleted certificate's id keeps the deletion's version): writes {@code after} at version
     * {@link CertificateChange#newVersion()} (or, when {@code after} is empty, keeps only that version as a
     * tombstone) and records the event in the same atomic step.
     *
     * @param change the decided change
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} when another change won the race
     *         and nothing was written
     */
    CommitOutcome commit(CertificateChange change);

    /**
     * Up to {@code query.limit()} certificates that the account owns or that are pending transfer to it, in key
     * order strictly after {@code query.after()}; the cost grows with the page, not with the account's size.
     *
     * @param account the account whose listing it is
     * @param query where to start, in which order, and how many at most
     * @return the certificates as stored (expiry is the service's job), possibly none
     */
    Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query);

    /**
     * Up to {@code query.limit()} certificates the account owns that are {@code PENDING_TRANSFER}, in key order
     * strictly after {@code query.after()}; the cost grows with the page, not with how many certificates the
     * account owns that are not pending.
     *
     * @param account the source account
     * @param query where to start, in which order, and how many at most
     * @return the certificates as stored, possibly none
     */
    Seq<Certificate> listOutgoing(AccountId account, ListingQuery query);

    /**
     * Up to {@code query.limit()} certificates that are {@code PENDING_TRANSFER} with a transfer dated at or before
     * {@code query.transferredAtOrBefore()}, in {@link dev.certificatetransfer.spi.PendingTransferKey} order
     * (transfer date, then id) strictly after {@code query.after()}: the transfer-expiry sweep's pages. The cost grows
     * with the page, not with the number of certificates, nor with the pending transfers that are not yet due.
     *
     * @param query the latest transfer date that is due, where to start, and how many at most
     * @return the certificates as stored, possibly none
     */
    Seq<Certificate> listDueTransfers(DueTransfersQuery query);

    /**
     * What the account owns now: how many certificates (in any status, those pending transfer to another account
     * included, those pending transfer to it not) and the summed length of their PEM text. The service asks it only
     * when an {@code AccountQuota} limits something (docs/behaviour.md#15-account-quotas); its cost may grow with
     * what the account owns, never with the whole store. Like {@link #find}, it reads the latest committed state.
     *
     * @param owner the account
     * @return its usage; {@link AccountUsage#NONE} if it owns nothing
     */
    AccountUsage usage(AccountId owner);
}
