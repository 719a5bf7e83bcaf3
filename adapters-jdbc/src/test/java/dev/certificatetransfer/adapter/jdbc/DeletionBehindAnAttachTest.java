package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent.CertificateRegistered;
import dev.certificatetransfer.domain.CertificateMode;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.IotPolicy;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.CommitOutcome;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * DeletePolicy that waits behind an attach of the policy which commits: it conflicts, and the policy stays. At read
 * committed it finds the attachment once it has the policy's lock; at repeatable read its snapshot predates the
 * attachment, so the database refuses the deletion with the attachments' foreign key, which the repository answers as
 * a conflict (or, if the database reports a serialization failure instead, the retry finds the attachment).
 */
class DeletionBehindAnAttachTest {

    private static final PolicyName POLICY = new PolicyName("read-only");

    @Test
    void on_h2_the_deletion_conflicts() throws Exception {
        try (var h2 = TestDatabases.h2InMemory(";LOCK_TIMEOUT=10000")) {
            conflictsBehindTheAttach(h2, h2);
        }
    }

    @Test
    void on_postgres_at_read_committed_the_deletion_conflicts() throws Exception {
        TestDatabases.empty(TestDatabases.postgres());
        conflictsBehindTheAttach(TestDatabases.postgres(), TestDatabases.postgres());
    }

    @Test
    void on_postgres_at_repeatable_read_the_deletion_conflicts() throws Exception {
        TestDatabases.empty(TestDatabases.postgres());
        try (HikariDataSource repeatableRead =
                TestDatabases.pool(TestDatabases.postgresUrl(), 2, "TRANSACTION_REPEATABLE_READ")) {
            conflictsBehindTheAttach(TestDatabases.postgres(), repeatableRead);
        }
    }

    private static void conflictsBehindTheAttach(DataSource setUp, DataSource deleting) throws Exception {
        var clock = new TickingClock();
        var repository = new JdbcCertificateRepository(setUp);
        var policy = new IotPolicy(POLICY, ALICE, new PolicyDocument("{}"), clock.instant());
        assertThat(repository.createPolicy(policy)).isEqualTo(CommitOutcome.COMMITTED);
        var parsed = TestCertificates.parsed(0);
        repository.commit(CertificateChange.of(
                Option.none(),
                new CertificateRegistered(
                        parsed.id(),
                        Principal.root(ALICE),
                        parsed.pem(),
                        parsed.validity(),
                        CertificateMode.DEFAULT,
                        CertificateStatus.INACTIVE,
                        clock.instant(),
                        1)));

        var attach = HeldRow.attaching(setUp, JdbcSchema.CONNECTION_DEFAULT, ALICE, POLICY, parsed.id());
        var deletion =
                CompletableFuture.supplyAsync(() -> new JdbcCertificateRepository(deleting).deletePolicy(policy));
        attach.awaitHeld(1);
        attach.commit();

        assertThat(deletion.get(30, TimeUnit.SECONDS)).isEqualTo(CommitOutcome.CONFLICT);
        assertThat(repository.findPolicy(ALICE, POLICY)).containsExactly(policy);
        assertThat(repository.listPolicyTargets(ALICE, POLICY, Option.none(), 10))
                .containsExactly(parsed.id());
    }
}
