package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.testing.RegistryRepositoryContract;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.AfterEach;

/** The registry contract on the JDBC adapter; subclasses say where the database lives. */
abstract class RegistryContractTest extends RegistryRepositoryContract<JdbcCertificateRepository> {

    private HikariDataSource dataSource;

    /** A migrated database with nothing in it: a new one, or an emptied one. */
    abstract HikariDataSource emptyDatabase();

    /** Where the tables are. */
    JdbcSchema schema() {
        return JdbcSchema.CONNECTION_DEFAULT;
    }

    /** Done with the database: closes one of the test's own. */
    void release(HikariDataSource database) {}

    @Override
    protected JdbcCertificateRepository newRepository() {
        dataSource = emptyDatabase();
        return new JdbcCertificateRepository(dataSource, schema());
    }

    @Override
    protected Seq<CertificateEvent> recordedEvents() {
        return TestDatabases.outbox(dataSource, schema());
    }

    @Override
    protected Hold holdWriters(AccountId owner, String table, String name) {
        return HeldRow.lock(dataSource, schema(), owner, table, name);
    }

    @AfterEach
    void releaseDatabase() {
        release(dataSource);
    }
}
