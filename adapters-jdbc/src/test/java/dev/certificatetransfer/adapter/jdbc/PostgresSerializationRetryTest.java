package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateEvent.CertificateStatusChanged;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A commit that meets a serialization failure is run again, shown without waiting for a race: a transaction held open
 * at serializable isolation writes the certificate's row; the repository's commit of a change to that row, on a
 * serializable pool, starts its statement and waits for the row's lock; only then does the held transaction commit.
 * The waiting statement's snapshot is older than that write, so PostgreSQL fails it with SQLSTATE 40001 ("could not
 * serialize access due to concurrent update") every time, and the repository's retry, on a fresh snapshot, commits
 * the change once or loses the compare-and-set, as the version it finds says.
 */
class PostgresSerializationRetryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String WAITING_FOR =
            "SELECT count(*) FROM pg_stat_activity" + " WHERE ? = ANY(pg_blocking_pids(pid))";

    private final DataSource shared = TestDatabases.postgres();
    private final SerializationFailures failures = new SerializationFailures();
    private HikariDataSource serializable;
    private Certificate registered;

    @BeforeEach
    void registerOneCertificate() {
        TestDatabases.empty(shared);
        serializable = TestDatabases.pool(TestDatabases.postgresUrl(), 2, "TRANSACTION_SERIALIZABLE");
        registered = Services.on(shared)
                .registerCertificateWithoutCa(principal(ALICE), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get()
                .certificate();
    }

    @AfterEach
    void closePool() {
        serializable.close();
    }

    @Test
    void a_commit_whose_row_was_rewritten_meanwhile_is_retried_and_commits_once() throws Exception {
        var change = statusChange(CertificateStatus.ACTIVE);

        var outcome = commitWhileHeld(change, this::rewriteUnchanged);

        assertThat(failures.count())
                .as("serialization failures met, each one retried")
                .isEqualTo(1);
        assertThat(outcome).isEqualTo(CommitOutcome.COMMITTED);
        assertThat(TestDatabases.outbox(shared).drop(1)).containsExactly(change.event());
        assertThat(new JdbcCertificateRepository(shared).find(registered.id()).certificate())
                .isEqualTo(change.after());
    }

    @Test
    void a_commit_whose_version_moved_on_meanwhile_is_retried_and_loses_the_compare_and_set() throws Exception {
        var theirs = statusChange(CertificateStatus.ACTIVE);
        var ours = statusChange(CertificateStatus.REVOKED);

        var outcome =
                commitWhileHeld(ours, held -> new Commits(JdbcSchema.CONNECTION_DEFAULT).inOneStatement(held, theirs));

        assertThat(failures.count())
                .as("serialization failures met, each one retried")
                .isEqualTo(1);
        assertThat(outcome).isEqualTo(CommitOutcome.CONFLICT);
        assertThat(TestDatabases.outbox(shared).drop(1)).containsExactly(theirs.event());
        assertThat(new JdbcCertificateRepository(shared).find(registered.id()).certificate())
                .isEqualTo(theirs.after());
    }

    /**
     * Commits the change through the repository while a serializable transaction holds the write, and lets that
     * transaction commit only once the repository's statement waits for it; answers the repository's outcome.
     */
    private CommitOutcome commitWhileHeld(CertificateChange change, Database.Work<?> write) throws Exception {
        var repository = new JdbcCertificateRepository(failures.counting(serializable));
        try (Connection held = shared.getConnection()) {
            held.setAutoCommit(false);
            held.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            int heldPid = backendPid(held);
            write.run(held);
            var commit = new FutureTask<>(() -> repository.commit(change));
            new Thread(commit, "commit-meeting-a-held-write").start();
            awaitWaitingFor(heldPid, commit);
            held.commit();
            return commit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Writes the row without moving its version: still a newer row version than a snapshot taken before it. */
    private Integer rewriteUnchanged(Connection held) throws SQLException {
        try (var statement = held.prepareStatement("UPDATE certificate SET version = version WHERE id = ?")) {
            statement.setString(1, registered.id().value());
            return statement.executeUpdate();
        }
    }

    /** Returns once a session waits for the held transaction's lock; fails if the commit ends without waiting. */
    private void awaitWaitingFor(int heldPid, Future<CommitOutcome> commit) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (var connection = shared.getConnection();
                var waiting = connection.prepareStatement(WAITING_FOR)) {
            waiting.setInt(1, heldPid);
            while (firstInt(waiting) == 0) {
                if (commit.isDone()) {
                    fail("the commit did not wait for the held transaction; it answered " + commit.get());
                }
                if (System.nanoTime() > deadline) {
                    fail("the commit did not reach the held row's lock within " + PATIENCE);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
    }

    private CertificateChange statusChange(CertificateStatus to) {
        return CertificateChange.of(
                Option.some(registered),
                new CertificateStatusChanged(
                        registered.id(),
                        Accounts.principal(registered.owner()),
                        registered.status(),
                        to,
                        registered.lastModifiedDate().plusSeconds(1),
                        registered.nextVersion()));
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT pg_backend_pid()")) {
            return firstInt(statement);
        }
    }

    private static int firstInt(PreparedStatement query) throws SQLException {
        try (var rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
