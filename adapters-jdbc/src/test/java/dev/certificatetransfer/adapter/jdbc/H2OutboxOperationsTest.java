package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

import javax.sql.DataSource;

/** Operating the outbox on an H2 database in memory, in the connection's default schema. */
class H2OutboxOperationsTest extends OutboxOperationsContract {

    private HikariDataSource database;

    @Override
    protected DataSource emptyDatabase() {
        database = TestDatabases.h2InMemory();
        return database;
    }

    @Override
    protected boolean locksOnlyTheRowsItTakes() {
        return false;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
