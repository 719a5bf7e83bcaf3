package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.testing.AuthorityStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The authority store contract on a fresh H2 database in memory per test. */
class H2AuthorityStoreTest extends AuthorityStoreContract {

    private HikariDataSource dataSource;

    @Override
    protected AuthorityStore newStore() {
        dataSource = TestDatabases.h2InMemory();
        return new JdbcAuthorityStore(dataSource);
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }
}
