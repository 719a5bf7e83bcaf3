package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The registry contract on a fresh H2 database in memory per test, whose sessions wait up to 10 s for a row lock
 * (H2's default is 2 s) so that the held races do not time out on a busy machine.
 */
class H2RegistryRepositoryTest extends RegistryContractTest {

    @Override
    HikariDataSource emptyDatabase() {
        return TestDatabases.h2InMemory(";LOCK_TIMEOUT=10000");
    }

    @Override
    void release(HikariDataSource database) {
        database.close();
    }
}
