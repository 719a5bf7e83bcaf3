package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.adapter.jdbc.RaceWorker.Ack;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The JVM that gets killed: migrates the database at the JDBC URL of its argument, registers the raced certificates
 * and runs racing calls on them for up to a minute, printing each acknowledged answer as soon as it has it, so
 * every line its parent reads is an answer a caller was given. Its two racing threads share one connection: with
 * several connections H2 2.5.252 shows a commit to the other sessions before it has stored it, so after a kill a
 * later commit that read it can survive without it (see the README's "H2 durability").
 */
final class DurabilityWorker {

    private DurabilityWorker() {}

    public static void main(String[] args) throws InterruptedException {
        var out = new PrintStream(System.out, true);
        try (var migrating = TestDatabases.pool(args[0], 2)) { // Flyway holds two connections
            JdbcMigrations.migrate(migrating);
        }
        var pool = TestDatabases.pool(args[0], 1);
        RaceWorker.registerAll(pool).forEach(ack -> print(out, ack));
        new RaceWorker(pool, ack -> print(out, ack)).run(2, Duration.ofMinutes(1));
    }

    /** One write of the whole line, flushed: a kill leaves a line whole or absent. */
    private static void print(PrintStream out, Ack ack) {
        out.print(ack.line() + "\n");
        out.flush();
    }
}
