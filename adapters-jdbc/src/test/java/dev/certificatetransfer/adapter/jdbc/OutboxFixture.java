package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.principal;

import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.CertificateId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.port.out.EventPublisher;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.sql.SQLException;

/** What the outbox's contracts share: an empty database per test, the service on it, and queries on the outbox. */
abstract class OutboxFixture {

    /** A migrated database with no certificates and no events; called before every test. */
    protected abstract DataSource emptyDatabase();

    /** Where the tables are. */
    protected JdbcSchema schema() {
        return JdbcSchema.CONNECTION_DEFAULT;
    }

    private DataSource dataSource;
    protected CertificateTransferService service;
    protected final RecordingEventPublisher published = new RecordingEventPublisher();

    @BeforeEach
    void useEmptyDatabase() {
        dataSource = emptyDatabase();
        service = Services.on(dataSource, schema());
    }

    protected DataSource dataSource() {
        return dataSource;
    }

    /** Registers certificate {@code index} for Alice, transfers it to Bob and has him accept: three events. */
    protected CertificateId registerTransferAccept(int index) {
        var id = service.registerCertificateWithoutCa(
                        principal(ALICE), TestCertificates.parsed(index), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        service.transferCertificate(principal(ALICE), id, BOB, Option.some(new TransferMessage("yours")))
                .get();
        service.acceptCertificateTransfer(principal(BOB), id, true).get();
        return id;
    }

    protected OutboxRelay relay(EventPublisher publisher) {
        return relayBuilder(publisher).build();
    }

    protected OutboxRelay.Builder relayBuilder(EventPublisher publisher) {
        return OutboxRelay.builder(dataSource(), publisher).schema(schema());
    }

    protected String outboxTable() {
        return schema().qualify("certificate_event");
    }

    protected long undelivered() {
        return count(" WHERE delivered_at IS NULL");
    }

    /** How many rows the outbox has, delivered or not. */
    protected long outboxRows() {
        return count("");
    }

    private long count(String where) {
        try (var connection = dataSource().getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + outboxTable() + where)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void execute(String sql) throws SQLException {
        try (var connection = dataSource().getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
