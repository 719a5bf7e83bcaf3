package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.CertificateRepositoryContract;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.AfterEach;

/** The repository contract on a fresh H2 database per test; subclasses say where the database lives. */
abstract class H2ContractTest extends CertificateRepositoryContract {

    private HikariDataSource dataSource;

    /** A new, migrated, empty database. */
    abstract HikariDataSource newDatabase();

    /** Where the tables are. */
    JdbcSchema schema() {
        return JdbcSchema.CONNECTION_DEFAULT;
    }

    @Override
    protected CertificateRepository newRepository() {
        dataSource = newDatabase();
        return new JdbcCertificateRepository(dataSource, schema());
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return TestDatabases.outbox(dataSource, schema());
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }
}
