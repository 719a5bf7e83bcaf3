package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.CertificateRepositoryContract;
import io.vavr.collection.Seq;

/** The repository contract, run against the JDBC adapter on a real PostgreSQL 17 server. */
class PostgresCertificateRepositoryTest extends CertificateRepositoryContract {

    @Override
    protected CertificateRepository newRepository() {
        TestDatabases.empty(TestDatabases.postgres());
        return new JdbcCertificateRepository(TestDatabases.postgres());
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return TestDatabases.outbox(TestDatabases.postgres());
    }
}
