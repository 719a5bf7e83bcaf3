package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.CertificateRepository;
import dev.certificatetransfer.testing.CertificateRepositoryContract;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.AfterEach;

/** The repository contract, run against the JDBC adapter on an H2 database in a file. */
class H2FileCertificateRepositoryTest extends CertificateRepositoryContract {

    private HikariDataSource dataSource;

    @Override
    protected CertificateRepository newRepository() {
        dataSource = TestDatabases.h2File("contract");
        return new JdbcCertificateRepository(dataSource);
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return TestDatabases.outbox(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }
}
