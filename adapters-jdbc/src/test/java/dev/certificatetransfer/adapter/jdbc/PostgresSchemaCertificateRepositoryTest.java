package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.CertificateRepositoryContract;
import io.vavr.collection.Seq;

/**
 * The repository contract on PostgreSQL, in a schema of its own beside a host's table called {@code certificate} in
 * {@code public}.
 */
class PostgresSchemaCertificateRepositoryTest extends CertificateRepositoryContract {

    @Override
    protected CertificateRepository newRepository() {
        TestDatabases.empty(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
        return new JdbcCertificateRepository(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return TestDatabases.outbox(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
    }
}
