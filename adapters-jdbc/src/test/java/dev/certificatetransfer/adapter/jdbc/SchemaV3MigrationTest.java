package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * Migration V3 on H2 and PostgreSQL: rows written on schema V2 (12-digit accounts, events without the actor's
 * name) are kept, their events read with the account's root principal as actor, and the widened columns then take
 * 64-character tenant accounts and a principal's name.
 */
class SchemaV3MigrationTest {

    /** A tenant account of the longest form, with every kind of character an account id may hold. */
    private static final AccountId TENANT = new AccountId("Acme-Corp_eu.1" + "x".repeat(50));

    private static final Principal OPERATOR = new Principal(TENANT, "tenant:acme/user:ops \u0000 ünïcode 😀");

    @Test
    void on_h2_rows_of_v2_are_kept_and_tenants_fit_after_it() throws SQLException {
        TestDatabases.onH2WithAnOldDatabase(SchemaV3MigrationTest::migratesKeepingRows);
    }

    @Test
    void on_postgres_rows_of_v2_are_kept_and_tenants_fit_after_it() throws SQLException {
        TestDatabases.onPostgresWithAnOldDatabase(SchemaV3MigrationTest::migratesKeepingRows);
    }

    private static void migratesKeepingRows(DataSource current, HikariDataSource old) throws SQLException {
        var service = Services.on(current);
        var alice = Accounts.principal(Accounts.ALICE);
        var bob = Accounts.principal(Accounts.BOB);
        var transferred = service.registerCertificateWithoutCa(
                        alice, TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        service.transferCertificate(alice, transferred, Accounts.BOB, Option.none())
                .get();
        service.acceptCertificateTransfer(bob, transferred, false).get();
        var rejected = service.registerCertificateWithoutCa(
                        alice, TestCertificates.parsed(1), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        service.transferCertificate(alice, rejected, Accounts.BOB, Option.none())
                .get();
        service.rejectCertificateTransfer(bob, rejected, Option.some(new RejectReason("no")))
                .get();
        TestDatabases.ourMigrations(old).target("2").load().migrate();
        OldSchemaRows.copyCertificates(current, old, OldSchemaRows.V3_CERTIFICATE);
        OldSchemaRows.copyEvents(current, old, OldSchemaRows.V4_EVENT.replace(" actor_name,", ""));

        TestDatabases.ourMigrations(old).load().migrate();

        var before = new JdbcCertificateRepository(current);
        var after = new JdbcCertificateRepository(old);
        for (CertificateId id : List.of(transferred, rejected)) {
            assertThat(after.find(id)).as("certificate %s", id).isEqualTo(before.find(id));
        }
        var events = TestDatabases.outbox(old);
        assertThat(events).isEqualTo(TestDatabases.outbox(current)).hasSize(6);
        assertThat(events.map(CertificateEvent::actor)).containsOnly(alice, bob);

        var tenants = Services.on(old);
        var id = tenants.registerCertificateWithoutCa(OPERATOR, TestCertificates.parsed(2), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        var other = new AccountId("globex." + "y".repeat(57));
        tenants.transferCertificate(OPERATOR, id, other, Option.none()).get();
        assertThat(after.find(id).certificate().flatMap(c -> c.pendingTarget())).contains(other);
        assertThat(TestDatabases.outbox(old).takeRight(2).map(CertificateEvent::actor))
                .containsOnly(OPERATOR);
    }
}
