package dev.certificatetransfer.port;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateChange;
import dev.certificatetransfer.domain.CertificateId;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * Where certificates live. Every write is a compare-and-set on the certificate's version, and records the
 * change's event atomically with the state, for delivery to an {@link EventPublisher} once committed.
 * A new adapter proves itself by passing {@code CertificateRepositoryContract} from core's test-jar.
 */
public interface CertificateRepository {

    /** The certificate as stored now, if it exists. */
    Option<Certificate> find(CertificateId id);

    /**
     * Commits the change if the stored certificate still has the version the change was decided on
     * ({@link CertificateChange#expectedVersion()}, 0 meaning "absent"): writes {@code after} (or removes the
     * certificate when {@code after} is empty) and records the event in the same atomic step.
     *
     * @return {@link CommitOutcome#COMMITTED}, or {@link CommitOutcome#CONFLICT} when another change won the race
     *         and nothing was written
     */
    CommitOutcome commit(CertificateChange change);

    /** Up to {@code query.limit()} certificates that the account owns or that are pending transfer to it, in key order. */
    Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query);

    /** Up to {@code query.limit()} certificates the account owns that are {@code PENDING_TRANSFER}, in key order. */
    Seq<Certificate> listOutgoing(AccountId account, ListingQuery query);
}
