package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Principal;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a transfer+cancel cycle writes on H2: the benchmarks' H2 file with {@code WRITE_DELAY=0} (as
 * {@link H2TransferBenchmark} and {@link H2BaselineBenchmark}), the library's cycles of {@link TransferCycles} or the
 * bare cycles of {@link BaselineCycles} (each thread on its own certificate or row), through a data source that
 * counts the statements executed and the commits (explicit, or a statement in auto-commit). Prints per cycle the
 * statements, commits, bytes H2 wrote to its file ({@code INFORMATION_SCHEMA.SETTINGS} {@code info.FILE_WRITE_BYTES})
 * and the file's growth, and every numeric {@code info.*} setting's change. Not a benchmark: the counting costs a
 * little. Run it with {@code java -cp examples/benchmarks/target/benchmarks.jar
 * dev.certificatetransfer.examples.benchmarks.H2CycleAnalysis [cycles] [threads] [library|baseline]}.
 */
public final class H2CycleAnalysis {

    private static final Principal ALICE = Principal.root(new AccountId("111111111111"));

    /** How long the calling thread's last call through a proxy took. */
    private static final ThreadLocal<Long> LAST_CALL_NANOS = ThreadLocal.withInitial(() -> 0L);

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong executeNanos = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();

    private H2CycleAnalysis() {}

    /**
     * Runs the analysis and prints it.
     *
     * @param args the number of measured cycles (2,000 unless given), of threads (4 unless given) and the mode
     *     ({@code library} unless given, or {@code baseline})
     * @throws Exception if the database fails
     */
    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String mode = args.length > 2 ? args[2] : "library";
        if (!List.of("library", "baseline").contains(mode)) {
            throw new IllegalArgumentException("mode: library or baseline, not " + mode);
        }
        System.out.println("mode " + mode + "; uptime before: " + PostgresCycleAnalysis.uptime());
        var analysis = new H2CycleAnalysis();
        try (var database = JdbcBenchmarkDatabases.h2File()) {
            DataSource counted = analysis.counting(database.dataSource());
            database.insertSynthetic(ALICE.account().value(), threads);
            PostgresCycleAnalysis.Workload workload;
            if (mode.equals("baseline")) {
                workload = baseline(database, counted, threads);
            } else {
                var service = CertificateTransferService.builder()
                        .repository(new JdbcCertificateRepository(counted))
                        .authorizer(new AllowAuthenticatedAuthorizer())
                        .clock(Clock.systemUTC())
                        .build();
                workload = count -> PostgresCycleAnalysis.runCycles(service, threads, count);
            }
            workload.run(Math.max(threads * 200, cycles / 5));
            var file = database.h2Directory().resolve("certificates.mv.db");
            Map<String, Long> before = info(database.dataSource());
            long sizeBefore = Files.size(file);
            analysis.statements.set(0);
            analysis.commits.set(0);
            analysis.executeNanos.set(0);
            analysis.commitNanos.set(0);
            var system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = system.getProcessCpuTime();
            long began = System.nanoTime();
            workload.run(cycles);
            double seconds = (System.nanoTime() - began) / 1e9;
            long cpu = system.getProcessCpuTime() - cpuBefore;
            long statementCount = analysis.statements.get();
            long commitCount = analysis.commits.get();
            Map<String, Long> after = info(database.dataSource());
            long sizeAfter = Files.size(file);
            System.out.printf(
                    Locale.ROOT,
                    "%d cycles on %d threads in %.1f s (%.0f cycles/s with the counting on)%n",
                    cycles,
                    threads,
                    seconds,
                    cycles / seconds);
            System.out.println("== Summary per cycle, " + mode + ", " + threads + " threads");
            System.out.println("| statements | commits | bytes written | writes | bytes per commit | file growth"
                    + " | pages written | wall µs | in execute µs | in commit µs | JVM CPU µs |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            long bytes =
                    after.getOrDefault("info.FILE_WRITE_BYTES", 0L) - before.getOrDefault("info.FILE_WRITE_BYTES", 0L);
            long writes = after.getOrDefault("info.FILE_WRITE", 0L) - before.getOrDefault("info.FILE_WRITE", 0L);
            long pages = after.getOrDefault("info.PAGE_COUNT", 0L) - before.getOrDefault("info.PAGE_COUNT", 0L);
            System.out.printf(
                    Locale.ROOT,
                    "| %.2f | %.2f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.0f |%n%n",
                    statementCount / (double) cycles,
                    commitCount / (double) cycles,
                    bytes / (double) cycles,
                    writes / (double) cycles,
                    bytes / (double) Math.max(1, commitCount),
                    (sizeAfter - sizeBefore) / (double) cycles,
                    pages / (double) cycles,
                    seconds * 1e6 * threads / cycles,
                    analysis.executeNanos.get() / 1e3 / cycles,
                    analysis.commitNanos.get() / 1e3 / cycles,
                    cpu / 1e3 / cycles);
            System.out.println("(wall µs is the threads' time per cycle, threads x elapsed / cycles; in execute and"
                    + " in commit are the time spent in those JDBC calls, a commit's file write included; pages"
                    + " written is info.PAGE_COUNT's growth: every page MVStore wrote, as its file only appends)");
            System.out.println();
            System.out.println("== Every numeric info.* setting: before, after, change per cycle");
            for (var entry : after.entrySet()) {
                Long old = before.get(entry.getKey());
                if (old != null) {
                    System.out.printf(
                            Locale.ROOT,
                            "%s: %d -> %d (%.2f per cycle)%n",
                            entry.getKey(),
                            old,
                            entry.getValue(),
                            (entry.getValue() - old) / (double) cycles);
                }
            }
        }
        System.out.println("uptime after: " + PostgresCycleAnalysis.uptime());
    }

    /** The bare cycles of {@link BaselineCycles} through the counting data source. */
    private static PostgresCycleAnalysis.Workload baseline(
            JdbcBenchmarkDatabases database, DataSource counted, int threads) {
        var baseline = new BaselineCycles() {};
        baseline.open(database, false, counted);
        return PostgresCycleAnalysis.baselineWorkload(baseline, threads);
    }

    /** H2's numeric {@code info.*} settings (its file's read and write counters among them). */
    private static Map<String, Long> info(DataSource dataSource) throws SQLException {
        var settings = new TreeMap<String, Long>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM"
                        + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
            while (rows.next()) {
                try {
                    settings.put(rows.getString(1), Long.parseLong(rows.getString(2)));
                } catch (NumberFormatException notACounter) {
                    // a version or a ratio: not a counter
                }
            }
        }
        return settings;
    }

    /** The data source, its connections and statements counting executions and commits. */
    private DataSource counting(DataSource real) {
        return proxy(
                DataSource.class,
                real,
                (method, result) ->
                        method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    private Connection connection(Connection real) {
        return proxy(Connection.class, real, (method, result) -> {
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
                commitNanos.addAndGet(LAST_CALL_NANOS.get());
            }
            if (result instanceof Statement statement && method.getName().endsWith("Statement")) {
                return statement(method.getReturnType(), statement, real);
            }
            return result;
        });
    }

    private Object statement(Class<?> type, Statement real, Connection connection) {
        return proxy(type, real, (method, result) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                executeNanos.addAndGet(LAST_CALL_NANOS.get());
                if (connection.getAutoCommit()) {
                    commits.incrementAndGet();
                }
            }
            return result;
        });
    }

    /** What a proxy does with a call's result, after the real object's method returned it. */
    @FunctionalInterface
    private interface After {
        Object apply(Method method, Object result) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, Object real, After after) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
                return method.invoke(real, arguments);
            }
            Object result;
            long began = System.nanoTime();
            try {
                result = method.invoke(real, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            LAST_CALL_NANOS.set(System.nanoTime() - began);
            return after.apply(method, result);
        };
        return type.cast(
                Proxy.newProxyInstance(H2CycleAnalysis.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
