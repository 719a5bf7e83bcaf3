package dev.certificatetransfer.adapter.jdbc;

import javax.sql.DataSource;

/** The outbox and its relay on PostgreSQL. */
class PostgresOutboxRelayTest extends OutboxRelayContract {

    @Override
    protected DataSource emptyDatabase() {
        TestDatabases.empty(TestDatabases.postgres());
        return TestDatabases.postgres();
    }
}
