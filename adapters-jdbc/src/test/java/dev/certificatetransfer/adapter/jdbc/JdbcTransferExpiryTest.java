package dev.certificatetransfer.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.Actor;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateEvent.TransferExpired;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import dev.certificatetransfer.domain.TransferExpiry;
import dev.certificatetransfer.spi.DueTransfersQuery;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;

/** Transfer expiry on the JDBC adapter: the sweep and its outbox events on H2 and PostgreSQL, and migration V2. */
class JdbcTransferExpiryTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Principal ALICE = Accounts.principal(Accounts.ALICE);

    private static CertificateTransferService service(DataSource dataSource, MovableClock clock) {
        return CertificateTransferService.builder()
                .repository(new JdbcCertificateRepository(dataSource))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(clock)
                .transferExpiry(TransferExpiry.after(TTL))
                .build();
    }

    private static CertificateId offeredToBob(CertificateTransferService service, int index) {
        var id = service.registerCertificateWithoutCa(ALICE, TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        service.transferCertificate(ALICE, id, Accounts.BOB, Option.none()).get();
        return id;
    }

    @Test
    void on_h2_the_sweep_writes_each_due_expiry_once_with_its_event_in_the_outbox() {
        try (var dataSource = TestDatabases.h2InMemory()) {
            sweepsOnce(dataSource);
        }
    }

    @Test
    void on_postgres_the_sweep_writes_each_due_expiry_once_with_its_event_in_the_outbox() {
        var dataSource = TestDatabases.postgres();
        TestDatabases.empty(dataSource);
        sweepsOnce(dataSource);
    }

    private static void sweepsOnce(DataSource dataSource) {
        var clock = new MovableClock(TickingClock.START);
        var service = service(dataSource, clock);
        var due = new ArrayList<CertificateId>();
        for (int i = 0; i < 4; i++) {
            due.add(offeredToBob(service, i));
            clock.advance(Duration.ofMillis(1));
        }
        clock.advance(TTL);
        var notYet = offeredToBob(service, 4);

        assertThat(service.sweepExpiredTransfers(3)).isEqualTo(4);
        assertThat(service.sweepExpiredTransfers(3)).isZero();

        var expiries = TestDatabases.outbox(dataSource).filter(e -> e.type() == EventType.TRANSFER_EXPIRED);
        assertThat(expiries.map(e -> e.certificateId())).containsExactlyElementsOf(due);
        assertThat(expiries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(Actor.system()));
        assertThat(((TransferExpired) expiries.head()).target()).isEqualTo(Accounts.BOB);
        assertThat(service.describeCertificate(Accounts.principal(Accounts.BOB), notYet)
                        .isRight())
                .isTrue();
    }

    @Test
    void migration_v2_gives_a_transfer_pending_before_it_its_place_in_the_sweep() throws SQLException {
        try (var current = TestDatabases.h2InMemory();
                var old = TestDatabases.pool(
                        "jdbc:h2:mem:v1-" + ProcessHandle.current().pid(), 2)) {
            var clock = new MovableClock(TickingClock.START);
            var id = offeredToBob(service(current, clock), 0);
            TestDatabases.ourMigrations(old).target("1").load().migrate();
            OldSchemaRows.copyCertificates(current, old, OldSchemaRows.V1_CERTIFICATE);

            TestDatabases.ourMigrations(old).load().migrate();

            var repository = new JdbcCertificateRepository(old);
            assertThat(repository.find(id)).isEqualTo(new JdbcCertificateRepository(current).find(id));
            assertThat(repository.listDueTransfers(new DueTransfersQuery(clock.instant(), Option.none(), 10)))
                    .extracting(c -> c.id())
                    .containsExactly(id);
        }
    }
}
