package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.Certificate;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Migration V4 on H2 and PostgreSQL: a database on schema V3, filled in its own shape (one wide certificate row with
 * the PEM and the pending transfer's keys), with transfers pending, accepted and rejected, a tombstone, and events
 * delivered and not, keeps every certificate, listing, due transfer and event; then the adapter accepts, cancels and
 * transfers on it, and the relay delivers what was left undelivered, in version order.
 */
class SchemaV4MigrationTest {

    private static final Principal ALICE = Accounts.principal(Accounts.ALICE);
    private static final Principal BOB = Accounts.principal(Accounts.BOB);
    private static final int DELIVERED_BEFORE = 5;

    @Test
    void on_h2_a_v3_database_with_pending_transfers_keeps_working_after_it() throws SQLException {
        TestDatabases.onH2WithAnOldDatabase(SchemaV4MigrationTest::migratesAndKeepsWorking);
    }

    @Test
    void on_postgres_a_v3_database_with_pending_transfers_keeps_working_after_it() throws SQLException {
        TestDatabases.onPostgresWithAnOldDatabase(SchemaV4MigrationTest::migratesAndKeepsWorking);
    }

    private static void migratesAndKeepsWorking(DataSource current, DataSource old) throws SQLException {
        var service = Services.on(current);
        var pending = transferredToBob(service, 0);
        var toCancel = transferredToBob(service, 1);
        var accepted = transferredToBob(service, 2);
        service.acceptCertificateTransfer(BOB, accepted, false).get();
        var rejected = transferredToBob(service, 3);
        service.rejectCertificateTransfer(BOB, rejected, Option.some(new RejectReason("no")))
                .get();
        var deleted = registered(service, 4);
        service.deleteCertificate(ALICE, deleted, false).get();
        var kept = registered(service, 5);
        assertThat(new OutboxRelay(current, new RecordingEventPublisher()).deliverBatch(DELIVERED_BEFORE))
                .isEqualTo(DELIVERED_BEFORE);

        TestDatabases.ourMigrations(old).target("3").load().migrate();
        assertThat(OldSchemaRows.copyCertificates(current, old, OldSchemaRows.V3_CERTIFICATE))
                .isEqualTo(6);
        OldSchemaRows.copyEvents(current, old, OldSchemaRows.V4_EVENT + ", delivered_at");
        TestDatabases.ourMigrations(old).load().migrate();

        var before = new JdbcCertificateRepository(current);
        var after = new JdbcCertificateRepository(old);
        for (CertificateId id : List.of(pending, toCancel, accepted, rejected, deleted, kept)) {
            assertThat(after.find(id)).as("certificate %s", id).isEqualTo(before.find(id));
        }
        for (AccountId account : List.of(Accounts.ALICE, Accounts.BOB)) {
            assertThat(after.listVisibleTo(account, firstPage())).isEqualTo(before.listVisibleTo(account, firstPage()));
            assertThat(after.listOutgoing(account, firstPage())).isEqualTo(before.listOutgoing(account, firstPage()));
        }
        assertThat(ids(after.listDueTransfers(allDue()))).containsExactly(pending, toCancel);
        assertThat(TestDatabases.outbox(old)).isEqualTo(TestDatabases.outbox(current));

        var published = new RecordingEventPublisher();
        var relay = new OutboxRelay(old, published);
        int undelivered = TestDatabases.outbox(old).size() - DELIVERED_BEFORE;
        assertThat(relay.deliverBatch(100)).isEqualTo(undelivered);
        var all = TestDatabases.outbox(old);
        assertThat(published.events()).hasSize(undelivered);
        for (CertificateId id : List.of(pending, toCancel, accepted, rejected, deleted, kept)) {
            var delivered = published.events().filter(e -> e.certificateId().equals(id));
            assertThat(delivered.toJavaList())
                    .as("the undelivered events of %s, in version order", id)
                    .isEqualTo(all.filter(e -> e.certificateId().equals(id))
                            .takeRight(delivered.size())
                            .toJavaList());
        }

        var migrated = Services.on(old);
        migrated.acceptCertificateTransfer(BOB, pending, false).get();
        migrated.cancelCertificateTransfer(ALICE, toCancel).get();
        migrated.transferCertificate(BOB, accepted, Accounts.ALICE, Option.none())
                .get();
        assertThat(after.find(pending).certificate().map(Certificate::owner)).contains(Accounts.BOB);
        assertThat(after.find(toCancel).certificate().flatMap(Certificate::pendingTransfer))
                .isEmpty();
        assertThat(ids(after.listOutgoing(Accounts.ALICE, firstPage()))).isEmpty();
        assertThat(ids(after.listOutgoing(Accounts.BOB, firstPage()))).containsExactly(accepted);
        assertThat(ids(after.listVisibleTo(Accounts.ALICE, firstPage())))
                .containsExactlyInAnyOrder(toCancel, accepted, rejected, kept);
        assertThat(ids(after.listDueTransfers(allDue()))).containsExactly(accepted);
        assertThat(relay.deliverBatch(100)).isEqualTo(3);
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

    private static DueTransfersQuery allDue() {
        return new DueTransfersQuery(Instant.parse("2999-01-01T00:00:00Z"), Option.none(), 50);
    }

    private static List<CertificateId> ids(Seq<Certificate> certificates) {
        return certificates.map(Certificate::id).toJavaList();
    }
}
