package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;

import javax.sql.DataSource;

/** The outbox and its relay on an H2 database in memory. */
class H2OutboxRelayTest extends OutboxRelayContract {

    private HikariDataSource database;

    @Override
    protected DataSource emptyDatabase() {
        database = TestDatabases.h2InMemory();
        return database;
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }
}
