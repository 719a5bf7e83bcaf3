package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateArn;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.PolicyDocument;
import dev.certificatetransfer.domain.PolicyName;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.ThingAttributes;
import dev.certificatetransfer.domain.ThingName;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.CertificateChange;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * Migration V5 on H2 and PostgreSQL: a database on schema V4 with certificates (pending, accepted, deleted, kept) and
 * their events keeps every one of them, each with nothing attached, its listings and its outbox; then policies and
 * things are created, attached, listed and detached on it, a certificate with a policy is force-deleted, and the
 * rows still replay their events.
 */
class SchemaV5MigrationTest {

    private static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    private static final Principal BOB = Accounts.principal(Accounts.BOB);
    private static final PolicyName POLICY = new PolicyName("read-only");
    private static final ThingName THING = new ThingName("sensor-1");

    @Test
    void on_h2_a_v4_database_migrates_with_nothing_attached_and_then_attaches() throws SQLException {
        TestDatabases.onH2WithAnOldDatabase(SchemaV5MigrationTest::migratesAndAttaches);
    }

    @Test
    void on_postgres_a_v4_database_migrates_with_nothing_attached_and_then_attaches() throws SQLException {
        TestDatabases.onPostgresWithAnOldDatabase(SchemaV5MigrationTest::migratesAndAttaches);
    }

    private static void migratesAndAttaches(DataSource current, DataSource old) throws SQLException {
        var service = Services.on(current);
        var pending = transferredToBob(service, 0);
        var accepted = transferredToBob(service, 1);
        service.acceptCertificateTransfer(BOB, accepted, false).get();
        var deleted = registered(service, 2);
        service.deleteCertificate(ALICE, deleted, false).get();
        var kept = registered(service, 3);
        var forced = registered(service, 4);
        var ids = List.of(pending, accepted, deleted, kept, forced);

        TestDatabases.ourMigrations(old).target("4").load().migrate();
        assertThat(OldSchemaRows.copyRows(current, old, "certificate", OldSchemaRows.V4_CERTIFICATE))
                .isEqualTo(5);
        OldSchemaRows.copyRows(current, old, "certificate_content", "id, " + CertificateRows.CONTENT);
        OldSchemaRows.copyRows(current, old, "certificate_pending_transfer", "id, " + PendingTransferRows.COLUMNS);
        OldSchemaRows.copyEvents(current, old, OldSchemaRows.V4_EVENT + ", delivered_at");
        TestDatabases.ourMigrations(old).load().migrate();

        var before = new JdbcCertificateRepository(current);
        var after = new JdbcCertificateRepository(old);
        for (CertificateId id : ids) {
            assertThat(after.find(id)).as("certificate %s", id).isEqualTo(before.find(id));
            after.find(id)
                    .certificate()
                    .forEach(c -> assertThat(c.attachments().isEmpty()).isTrue());
        }
        for (AccountId account : List.of(Accounts.ALICE, Accounts.BOB)) {
            assertThat(after.listVisibleTo(account, firstPage())).isEqualTo(before.listVisibleTo(account, firstPage()));
        }
        assertThat(TestDatabases.outbox(old)).isEqualTo(TestDatabases.outbox(current));

        var migrated = Services.on(old);
        migrated.createPolicy(ALICE, POLICY, new PolicyDocument("{}")).get();
        migrated.createThing(ALICE, THING, ThingAttributes.NONE).get();
        migrated.attachPolicy(ALICE, POLICY, arn(migrated, kept)).get();
        migrated.attachThingPrincipal(ALICE, THING, arn(migrated, kept)).get();
        migrated.attachPolicy(ALICE, POLICY, arn(migrated, forced)).get();
        assertThat(after.find(kept)
                        .certificate()
                        .map(c -> c.attachments().policies().toJavaList()))
                .contains(List.of(POLICY));
        assertThat(after.listPolicyTargets(Accounts.ALICE, POLICY, Option.none(), 10))
                .containsExactlyInAnyOrder(kept, forced);
        assertThat(after.listThingPrincipals(Accounts.ALICE, THING, Option.none(), 10))
                .containsExactly(kept);
        migrated.deleteCertificate(ALICE, forced, true).get();
        migrated.detachPolicy(ALICE, POLICY, arn(migrated, kept)).get();
        migrated.deletePolicy(ALICE, POLICY).get();
        migrated.acceptCertificateTransfer(BOB, pending, false).get();

        var events = TestDatabases.outbox(old).groupBy(e -> e.certificateId());
        for (CertificateId id : ids) {
            assertThat(CertificateChange.replay(events.get(id).get()))
                    .as("replay of %s", id)
                    .isEqualTo(after.find(id).certificate());
        }
        assertThat(after.find(kept)
                        .certificate()
                        .map(Certificate::attachments)
                        .map(a -> a.things().toJavaList()))
                .contains(List.of(THING));
    }

    private static CertificateArn arn(CertificateTransferService service, CertificateId id) {
        return new CertificateArn(service.region(), Accounts.ALICE, id);
    }

    private static CertificateId registered(CertificateTransferService service, int index) {
        return service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
    }

    private static CertificateId transferredToBob(CertificateTransferService service, int index) {
        var id = registered(service, index);
        service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()).get();
        return id;
    }

    private static ListingQuery firstPage() {
        return new ListingQuery(Option.none(), SortOrder.DESCENDING, 50);
    }
}
