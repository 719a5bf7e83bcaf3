package dev.certificatetransfer.adapter.jdbc;

import javax.sql.DataSource;

/** Operating the outbox on PostgreSQL, in a schema of its own beside a host's table called {@code certificate}. */
class PostgresOutboxOperationsTest extends OutboxOperationsContract {

    @Override
    protected JdbcSchema schema() {
        return TestDatabases.OWN_SCHEMA;
    }

    @Override
    protected DataSource emptyDatabase() {
        TestDatabases.empty(TestDatabases.postgresWithHostTable(), schema());
        return TestDatabases.postgresWithHostTable();
    }
}
