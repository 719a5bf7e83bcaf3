package dev.certificatetransfer.examples.benchmarks;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.TransferExpiry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * One expiry sweep through the whole service on an embedded PostgreSQL (durable settings): 10,000 due transfers
 * among 1,000,000 certificates, each expired in its own transaction (compare-and-set and outbox row, one statement,
 * one WAL flush), read in keyset pages of 500 from the index of pending transfers. Each invocation is one sweep
 * (single shot); every iteration first opens the 10,000 transfers again with one set-based UPDATE writing the columns
 * a TransferCertificate writes, a day later than the last, and empties the outbox.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PostgresSweepBenchmark {

    private static final int CERTIFICATES = 1_000_000;
    private static final int DUE = 10_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String DUE_ONES = "MOD(CAST(id AS BIGINT), " + (CERTIFICATES / DUE) + ") = 0";

    /**
     * Every hundredth certificate, offered by its owner to Bob at the given date: what a TransferRequested writes
     * (the certificate's row, and the adapter's keys of the pending transfer for the listings and the sweep), over
     * whatever the previous iteration's sweep left.
     */
    private static final String OPEN_TRANSFERS = "UPDATE certificate SET version = version + 1,"
            + " customer_version = customer_version + 1, status = 'PENDING_TRANSFER', transfer_status = 'PENDING',"
            + " transfer_source = owner, transfer_target = '222222222222', transfer_message = NULL,"
            + " transfer_date = ?, accept_date = NULL, reject_date = NULL, cancel_date = NULL, reject_reason = NULL,"
            + " expire_date = NULL, last_modified_date = ? WHERE " + DUE_ONES;

    private static final String PENDING_KEYS = "INSERT INTO certificate_pending_transfer (id, source, target,"
            + " creation_date, transfer_date) SELECT id, owner, '222222222222', creation_date, ? FROM certificate"
            + " WHERE " + DUE_ONES;

    private JdbcBenchmarkDatabases database;
    private CertificateTransferService service;
    private int iteration;

    @Setup(Level.Trial)
    public void startPostgres() {
        database = JdbcBenchmarkDatabases.postgres();
        database.insertSynthetic("111111111111", CERTIFICATES);
        service = CertificateTransferService.builder()
                .repository(new JdbcCertificateRepository(database.dataSource()))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(Clock.fixed(START.plus(Duration.ofDays(3650)), ZoneOffset.UTC))
                .transferExpiry(TransferExpiry.after(InMemorySweepBenchmark.TTL))
                .build();
    }

    @Setup(Level.Iteration)
    public void openDueTransfers() throws SQLException {
        iteration++;
        long at = START.plus(Duration.ofDays(iteration)).toEpochMilli();
        try (var connection = database.dataSource().getConnection();
                var open = connection.prepareStatement(OPEN_TRANSFERS);
                var keys = connection.prepareStatement(PENDING_KEYS);
                var statement = connection.createStatement()) {
            open.setLong(1, at);
            open.setLong(2, at);
            keys.setLong(1, at);
            if (open.executeUpdate() != DUE || keys.executeUpdate() != DUE) {
                throw new IllegalStateException("expected to open " + DUE + " transfers");
            }
            statement.execute("DELETE FROM certificate_event");
            statement.execute("VACUUM ANALYZE certificate");
            statement.execute("VACUUM ANALYZE certificate_pending_transfer");
        }
    }

    @TearDown(Level.Trial)
    public void stopPostgres() throws IOException {
        database.close();
    }

    /** One sweep: expires the 10,000 due transfers (it returns 10,000). */
    @Benchmark
    public int sweep() {
        int expired = service.sweepExpiredTransfers();
        if (expired != DUE) {
            throw new IllegalStateException("expected " + DUE + " expiries, the sweep wrote " + expired);
        }
        return expired;
    }
}
