package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a transfer+cancel cycle's time and WAL go on PostgreSQL: the benchmarks' durable embedded server, with
 * {@code pg_stat_statements} preloaded and {@code pg_walinspect}, runs the cycles of {@link TransferCycles} (each
 * thread on its own certificate) while an {@link OutboxRelay} delivers the events, then prints per statement its
 * calls, execution time, rows and WAL; per relation the WAL records (heap updates HOT or not, index entries written)
 * and bytes; and the WAL bytes per cycle. Not a benchmark: the statistics cost time themselves. Run it with
 * {@code java -cp examples/benchmarks/target/benchmarks.jar
 * dev.certificatetransfer.examples.benchmarks.PostgresCycleAnalysis [cycles] [threads] [mode]}, where the mode is
 * {@code library} (the default: the service's cycles, the relay delivering), {@code library-no-relay} (the
 * service's cycles as {@link PostgresTransferBenchmark} runs them, no relay) or {@code baseline} (the bare cycles of
 * {@link PostgresBaselineBenchmark}, {@link BaselineCycles}); every mode ends with the same per-cycle summary
 * (statements, execution time, commits, WAL bytes, index entries), so two runs compare the library with its
 * baseline.
 */
public final class PostgresCycleAnalysis {

    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));
    private static final AccountId BOB = new AccountId("222222222222");
    private static final int BACKLOG = 400;
    private static final long CLOCK_TICKS = 100;
    private static final long DEADLINE_NANOS = TimeUnit.MINUTES.toNanos(5);

    private PostgresCycleAnalysis() {}

    /**
     * Runs the analysis and prints it.
     *
     * @param args the number of measured cycles (5,000 unless given), of threads (4 unless given) and the mode
     *     ({@code library} unless given; {@code library-no-relay} or {@code baseline})
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String mode = args.length > 2 ? args[2] : "library";
        if (!List.of("library", "library-no-relay", "baseline").contains(mode)) {
            throw new IllegalArgumentException("mode: library, library-no-relay or baseline, not " + mode);
        }
        boolean relaying = mode.equals("library");
        System.out.println("mode " + mode + "; uptime before: " + uptime());
        try (var database = JdbcBenchmarkDatabases.postgres(Map.of(
                "shared_preload_libraries", "pg_stat_statements",
                "pg_stat_statements.track", "all",
                "track_io_timing", "on"))) {
            var relay = new OutboxRelay(database.dataSource(), event -> {});
            execute(database, "CREATE EXTENSION pg_stat_statements");
            execute(database, "CREATE EXTENSION pg_walinspect");
            database.insertSynthetic(ALICE.account().value(), threads);
            var service = database.service();
            Workload workload =
                    mode.equals("baseline") ? baseline(database, threads) : count -> runCycles(service, threads, count);
            if (relaying) {
                relay.start(Duration.ofMillis(5));
            }
            workload.run(Math.max(threads * 200, cycles / 5));
            if (relaying) {
                awaitDelivered(relay);
            }
            awaitStatisticsReported(database);
            execute(database, "CHECKPOINT");
            execute(database, "SELECT pg_stat_statements_reset(), pg_stat_reset()");
            String start = text(database, "SELECT pg_current_wal_insert_lsn()");
            var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = system.getProcessCpuTime();
            long serverBefore = serverCpuTicks(database);
            long began = System.nanoTime();
            workload.run(cycles);
            if (relaying) {
                awaitDelivered(relay);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long cpu = system.getProcessCpuTime() - cpuBefore;
            long serverTicks = serverCpuTicks(database) - serverBefore;
            String end = text(database, "SELECT pg_current_wal_insert_lsn()");
            relay.close();
            awaitStatisticsReported(database);
            report(database, cycles, threads, seconds, start, end);
            summarize(database, mode, cycles, threads, start, end);
            System.out.printf(
                    Locale.ROOT,
                    "Per cycle: %.0f µs of the threads' time (threads x elapsed / cycles), %.0f µs of this JVM's CPU"
                            + " (the service, the pool and the driver), %.0f µs of the server's CPU (its processes"
                            + " in /proc, %d ticks a second)%n%n",
                    seconds * 1e6 * threads / cycles,
                    cpu / 1e3 / cycles,
                    serverTicks * 1e6 / CLOCK_TICKS / cycles,
                    CLOCK_TICKS);
            if (relaying) {
                workload.run(BACKLOG / 2);
                explainTheRelaysRound(database);
            }
        }
        System.out.println("uptime after: " + uptime());
    }

    /** Runs a number of cycles, spread over the threads. */
    @FunctionalInterface
    interface Workload {
        void run(int cycles) throws Exception;
    }

    /** The bare cycles of {@link BaselineCycles} in their own tables, each thread on its own row. */
    private static Workload baseline(JdbcBenchmarkDatabases database, int threads) {
        var baseline = new BaselineCycles() {};
        baseline.open(database, true);
        return baselineWorkload(baseline, threads);
    }

    /** The cycles of an opened {@link BaselineCycles}, each thread on its own row (H2CycleAnalysis runs them too). */
    static Workload baselineWorkload(BaselineCycles baseline, int threads) {
        var rows = new BaselineCycles.OwnRow[threads];
        for (int t = 0; t < threads; t++) {
            rows[t] = new BaselineCycles.OwnRow();
            rows[t].id = JdbcBenchmarkDatabases.syntheticId(t + 1).value();
        }
        return cycles -> {
            var workers = new ArrayList<Thread>();
            for (int t = 0; t < threads; t++) {
                var row = rows[t];
                int share = cycles / threads + (t < cycles % threads ? 1 : 0);
                var worker = new Thread(() -> {
                    try {
                        for (int i = 0; i < share; i++) {
                            baseline.cycle(row);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                worker.start();
                workers.add(worker);
            }
            for (var worker : workers) {
                worker.join();
            }
        };
    }

    /**
     * The CPU time, in clock ticks, of the server's processes (Linux {@code /proc}): the postmaster's own and its
     * ended children's, and each living child's.
     */
    private static long serverCpuTicks(JdbcBenchmarkDatabases database) throws SQLException, IOException {
        String directory = text(database, "SHOW data_directory");
        String postmaster =
                Files.readAllLines(Path.of(directory, "postmaster.pid")).get(0).trim();
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String[] fields = statFields(process);
                if (fields == null) {
                    continue;
                }
                if (process.getFileName().toString().equals(postmaster)) {
                    ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                    ticks += Long.parseLong(fields[15]) + Long.parseLong(fields[16]);
                } else if (fields[3].equals(postmaster)) {
                    ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
                }
            }
        }
        return ticks;
    }

    /** A process's {@code /proc/<pid>/stat}, split so that field n (from 1, as in proc(5)) is at n - 1. */
    private static String[] statFields(Path process) {
        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            String stat = Files.readString(process.resolve("stat"));
            int name = stat.lastIndexOf(')');
            String[] rest = stat.substring(name + 2).trim().split(" ", -1);
            String[] fields = new String[rest.length + 2];
            fields[0] = stat.substring(0, stat.indexOf(' '));
            fields[1] = stat.substring(stat.indexOf('('), name + 1);
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /** The load average, from {@code /proc/loadavg} (Linux), or "unknown". */
    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * One line per figure, per cycle: what two runs (the library's, the baseline's) compare. Statements and their
     * execution time count those called at least once in 100 cycles (not this analysis's own queries); commits
     * are the database's, this analysis's few included.
     */
    private static void summarize(
            JdbcBenchmarkDatabases database, String mode, int cycles, int threads, String start, String end)
            throws SQLException {
        String range = "'" + start + "'::pg_lsn, '" + end + "'::pg_lsn";
        print(
                database,
                "Summary per cycle, " + mode + ", " + threads + " threads",
                "SELECT (SELECT round(sum(calls)::numeric / " + cycles + ", 2) FROM pg_stat_statements"
                        + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND calls >= " + cycles / 100 + ") AS statements,"
                        + " (SELECT round((sum(total_exec_time) * 1000 / " + cycles + ")::numeric, 1)"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database()) AND calls >= " + cycles / 100 + ") AS exec_us,"
                        + " (SELECT round(xact_commit::numeric / " + cycles + ", 2) FROM pg_stat_database"
                        + " WHERE datname = current_database()) AS commits,"
                        + " round(pg_wal_lsn_diff('" + end + "', '" + start + "') / " + cycles + ") AS wal_bytes,"
                        + " (SELECT round(sum(count)::numeric / " + cycles + ", 2) FROM pg_get_wal_stats(" + range
                        + ", true) WHERE \"resource_manager/record_type\" = 'Btree/INSERT_LEAF')"
                        + " AS index_entries,"
                        + " (SELECT round(sum(count)::numeric / " + cycles + ", 2) FROM pg_get_wal_stats(" + range
                        + ", true)) AS wal_records,"
                        + " (SELECT round(sum(n_tup_ins + n_tup_upd + n_tup_del)::numeric / " + cycles + ", 2)"
                        + " FROM pg_stat_user_tables) AS rows_written");
    }

    /**
     * The plan of the relay's round (its statement as {@code pg_stat_statements} recorded it), with a backlog of
     * {@link #BACKLOG} events behind the delivered ones.
     */
    private static void explainTheRelaysRound(JdbcBenchmarkDatabases database) throws SQLException {
        String take = text(
                database, "SELECT query FROM pg_stat_statements WHERE query LIKE 'SELECT e.sequence_number%' LIMIT 1");
        System.out.println("== The relay's round with " + BACKLOG + " events undelivered: EXPLAIN (ANALYZE, BUFFERS)");
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("PREPARE take AS " + take);
            try (var rows = statement.executeQuery(
                    "EXPLAIN (ANALYZE, BUFFERS, WAL) EXECUTE take(" + Long.MAX_VALUE + ", 100)")) {
                while (rows.next()) {
                    System.out.println("    " + rows.getString(1));
                }
            }
            connection.rollback();
            statement.execute("DEALLOCATE take");
        }
    }

    /** The library's cycles on the benchmarks' certificates, each thread on its own (H2CycleAnalysis runs them too). */
    static void runCycles(CertificateTransferService service, int threads, int cycles) throws InterruptedException {
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            CertificateId id = JdbcBenchmarkDatabases.syntheticId(t + 1);
            int share = cycles / threads + (t < cycles % threads ? 1 : 0);
            var worker = new Thread(() -> {
                for (int i = 0; i < share; i++) {
                    service.transferCertificate(ALICE, id, BOB, Option.none()).get();
                    service.cancelCertificateTransfer(ALICE, id).get();
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (var worker : workers) {
            worker.join();
        }
    }

    private static void awaitDelivered(OutboxRelay relay) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!relay.backlog().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the relay did not deliver the outbox within 5 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** Ends the pool's connections and waits until their backends are gone, which reports their statistics. */
    private static void awaitStatisticsReported(JdbcBenchmarkDatabases database) throws SQLException {
        String before = text(database, "SELECT now()");
        database.closeConnections();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid() AND backend_start < '" + before + "'::timestamptz";
        while (!"0".equals(text(database, sql))) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the pool's connections did not end within 5 minutes");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static void report(
            JdbcBenchmarkDatabases database, int cycles, int threads, double seconds, String start, String end)
            throws SQLException {
        String range = "'" + start + "'::pg_lsn, '" + end + "'::pg_lsn";
        System.out.printf(
                Locale.ROOT,
                "%d cycles on %d threads in %.1f s (%.0f cycles/s with the statistics on)%n",
                cycles,
                threads,
                seconds,
                cycles / seconds);
        System.out.printf(
                Locale.ROOT,
                "WAL: %s bytes per cycle (%s .. %s)%n%n",
                text(database, "SELECT round(pg_wal_lsn_diff('" + end + "', '" + start + "') / " + cycles + ")"),
                start,
                end);
        print(
                database,
                "Per statement (pg_stat_statements; time is execution, not the commit's WAL flush)",
                "SELECT round(calls::numeric / " + cycles + ", 2) AS calls_per_cycle, calls,"
                        + " round((total_exec_time * 1000 / calls)::numeric, 1) AS mean_us,"
                        + " round((total_exec_time * 1000 / " + cycles + ")::numeric, 1) AS us_per_cycle,"
                        + " round(rows::numeric / calls, 2) AS rows_per_call,"
                        + " round(wal_records::numeric / " + cycles + ", 2) AS wal_records_per_cycle,"
                        + " round(wal_bytes / " + cycles + ") AS wal_bytes_per_cycle, wal_fpi,"
                        + " left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query"
                        + " FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database()) AND calls >= " + cycles / 100
                        + " ORDER BY total_exec_time DESC");
        print(
                database,
                "Per table (pg_stat_user_tables)",
                "SELECT relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del,"
                        + " CASE WHEN n_tup_upd > 0 THEN round(100.0 * n_tup_hot_upd / n_tup_upd) END AS hot_percent,"
                        + " (SELECT count(*) FROM pg_index i WHERE i.indrelid = t.relid) AS indexes"
                        + " FROM pg_stat_user_tables t ORDER BY relname");
        print(
                database,
                "Per relation and WAL record, at least one in 20 cycles (pg_walinspect; a record on two pages"
                        + " counts once)",
                "SELECT coalesce(c.relname, b.relfilenode::text, '-') AS relation, b.resource_manager,"
                        + " b.record_type, round(count(DISTINCT b.start_lsn)::numeric / " + cycles
                        + ", 2) AS per_cycle, round(sum(CASE WHEN b.block_id = 0 THEN b.record_length ELSE 0 END)::"
                        + "numeric / " + cycles + ") AS bytes_per_cycle, count(*) FILTER (WHERE b.block_fpi_length > 0)"
                        + " AS fpi FROM pg_get_wal_block_info(" + range + ") b LEFT JOIN pg_class c"
                        + " ON c.relfilenode = b.relfilenode GROUP BY 1, 2, 3 HAVING count(DISTINCT b.start_lsn) >= "
                        + cycles / 20
                        + " ORDER BY 5 DESC");
        print(
                database,
                "Per WAL record type, all relations (pg_walinspect)",
                "SELECT \"resource_manager/record_type\" AS record, round(count::numeric / " + cycles
                        + ", 2) AS per_cycle, round(combined_size::numeric / " + cycles + ") AS bytes_per_cycle,"
                        + " round(fpi_size::numeric / " + cycles + ") AS fpi_bytes_per_cycle FROM pg_get_wal_stats("
                        + range + ", true) WHERE count > 0"
                        + " ORDER BY combined_size DESC");
    }

    private static void print(JdbcBenchmarkDatabases database, String title, String sql) throws SQLException {
        System.out.println("== " + title);
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            var header = new StringBuilder("|");
            var rule = new StringBuilder("|");
            for (int i = 1; i <= columns; i++) {
                header.append(' ').append(rows.getMetaData().getColumnLabel(i)).append(" |");
                rule.append(" --- |");
            }
            System.out.println(header);
            System.out.println(rule);
            while (rows.next()) {
                var line = new StringBuilder("|");
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    line.append(' ')
                            .append(value == null ? "" : value.replace("|", "\\|"))
                            .append(" |");
                }
                System.out.println(line);
            }
        }
        System.out.println();
    }

    private static void execute(JdbcBenchmarkDatabases database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String text(JdbcBenchmarkDatabases database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                var statement = connection.createStatement();
                var row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
