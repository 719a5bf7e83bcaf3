package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The repository contract on an H2 database in memory, in a schema of its own beside a host's table called
 * {@code certificate} in {@code PUBLIC}.
 */
class H2SchemaCertificateRepositoryTest extends H2ContractTest {

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.h2InMemoryWithHostTable();
    }

    @Override
    JdbcSchema schema() {
        return TestDatabases.OWN_SCHEMA;
    }
}
