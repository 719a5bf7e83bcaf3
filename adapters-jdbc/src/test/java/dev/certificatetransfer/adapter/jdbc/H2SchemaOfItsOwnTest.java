package dev.certificatetransfer.adapter.jdbc;

import com.zaxxer.hikari.HikariDataSource;

import java.util.concurrent.atomic.AtomicInteger;

/** A schema of its own on H2, beside a host's {@code certificate} table in {@code PUBLIC}. */
class H2SchemaOfItsOwnTest extends SchemaOfItsOwnContract {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    HikariDataSource newDatabase() {
        return TestDatabases.pool("jdbc:h2:mem:schema-of-its-own-" + NAMES.incrementAndGet(), 4);
    }

    @Override
    String defaultSchema() {
        return "public";
    }
}
