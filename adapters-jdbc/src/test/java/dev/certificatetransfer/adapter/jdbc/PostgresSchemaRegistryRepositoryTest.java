package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The registry contract on PostgreSQL, in a schema of its own beside a host's table called {@code certificate} in
 * {@code public}: every statement names its tables in that schema.
 */
class PostgresSchemaRegistryRepositoryTest extends RegistryContractTest {

    @Override
    HikariDataSource emptyDatabase() {
        TestDatabases.empty(TestDatabases.postgresWithHostTable(), TestDatabases.OWN_SCHEMA);
        return TestDatabases.postgresWithHostTable();
    }

    @Override
    JdbcSchema schema() {
        return TestDatabases.OWN_SCHEMA;
    }
}
