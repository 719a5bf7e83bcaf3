package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The repository contract, run against the JDBC adapter on an H2 database in memory. */
class H2InMemoryCertificateRepositoryTest extends H2ContractTest {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.h2InMemory();
    }
}
