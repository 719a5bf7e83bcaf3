package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The registry contract on the JDBC adapter on a real PostgreSQL 17 server. */
class PostgresRegistryRepositoryTest extends RegistryContractTest {

    @Override
    HikariDataSource emptyDatabase() {
        TestDatabases.empty(TestDatabases.postgres());
        return TestDatabases.postgres();
    }
}
