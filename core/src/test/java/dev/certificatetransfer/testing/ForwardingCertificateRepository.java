package dev.certificatetransfer.testing;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.spi.StoredCertificate;
import io.vavr.collection.Seq;

import java.util.Objects;

/** A repository that hands every call to another one; tests override the calls whose behaviour they bend. */
public abstract class ForwardingCertificateRepository implements CertificateRepository {

    private final CertificateRepository delegate;

    protected ForwardingCertificateRepository(CertificateRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public StoredCertificate find(CertificateId id) {
        return delegate.find(id);
    }

    @Override
    public CommitOutcome commit(CertificateChange change) {
        return delegate.commit(change);
    }

    @Override
    public Seq<Certificate> listVisibleTo(AccountId account, ListingQuery query) {
        return delegate.listVisibleTo(account, query);
    }

    @Override
    public Seq<Certificate> listOutgoing(AccountId account, ListingQuery query) {
        return delegate.listOutgoing(account, query);
    }

    @Override
    public Seq<Certificate> listDueTransfers(DueTransfersQuery query) {
        return delegate.listDueTransfers(query);
    }

    @Override
    public AccountUsage usage(AccountId owner) {
        return delegate.usage(owner);
    }
}
