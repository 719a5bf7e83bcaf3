package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateEvent.TransferRejected;
import dev.certificatetransfer.domain.CertificateEvent.TransferRequested;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RejectReason;
import dev.certificatetransfer.domain.TransferMessage;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.sql.DataSource;
import java.util.stream.Stream;

/**
 * Messages and reasons that try to break out of SQL, or that PostgreSQL cannot hold as text (NUL), come back
 * exactly, from the certificate row and from the outbox, on H2 and on PostgreSQL.
 */
class HostileTextTest {

    private static final HikariDataSource H2 = TestDatabases.h2InMemory();

    private static final String[] HOSTILE = {
        "'; DROP TABLE certificate; --",
        "\"double\" 'single' `back` quotes; -- and /* comments */",
        "back\\slash, \\0 escaped zero, \\\\ two, trailing \\",
        "NUL\0inside and at the end\0",
        "\0",
        "\uD83D\uDE00\uD83D\uDD12 non-BMP \uD800\uDC00 \uDBFF\uDFFF",
        "",
        "x".repeat(128),
        "\uD83D\uDE00".repeat(128),
    };

    static Stream<Arguments> databasesAndTexts() {
        return Stream.of("H2", "PostgreSQL").flatMap(db -> Stream.of(HOSTILE).map(text -> Arguments.of(db, text)));
    }

    @AfterAll
    static void closeH2() {
        H2.close();
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("databasesAndTexts")
    void a_message_and_a_reason_round_trip_exactly(String database, String text) {
        DataSource dataSource = database.equals("H2") ? H2 : TestDatabases.postgres();
        TestDatabases.empty(dataSource);
        var service = Services.on(dataSource);
        var id = service.registerCertificateWithoutCa(
                        principal(ALICE), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        var message = new TransferMessage(text);
        var reason = new RejectReason(text);
        service.transferCertificate(principal(ALICE), id, BOB, Option.some(message))
                .get();
        var rejected = service.rejectCertificateTransfer(principal(BOB), id, Option.some(reason))
                .get();

        var stored =
                new JdbcCertificateRepository(dataSource).find(id).certificate().get();
        assertThat(stored).isEqualTo(rejected);
        assertThat(stored.transferData().transferMessage()).contains(message);
        assertThat(stored.transferData().rejectReason()).contains(reason);
        var events = TestDatabases.outbox(dataSource);
        assertThat(((TransferRequested) events.get(1)).message()).contains(message);
        assertThat(((TransferRejected) events.get(2)).reason()).contains(reason);
    }
}
