package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.BOB;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.port.in.SortOrder;
import dev.certificatetransfer.spi.ListingQuery;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server that stops mid-run makes every call fail with the adapter's infrastructure exception (never
 * "not found", an empty page or a lost race), and a server started again on the same data directory serves the
 * same data, with no new repository needed.
 */
class PostgresOutageTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_stopped_server_is_an_infrastructure_failure_and_a_restarted_one_works_again() throws IOException {
        int port = freePort();
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=2");
        var repository = new JdbcCertificateRepository(dataSource);
        var service = Services.on(dataSource);
        var id = TestCertificates.id(0);

        try (var first = start(port)) {
            JdbcMigrations.migrate(first.getPostgresDatabase());
            service.registerCertificateWithoutCa(
                            principal(ALICE), TestCertificates.parsed(0), CertificateStatus.INACTIVE)
                    .get();
        }

        var page = new ListingQuery(Option.none(), SortOrder.DESCENDING, 25);
        assertInfrastructureFailure(() -> repository.find(id));
        assertInfrastructureFailure(() -> repository.listVisibleTo(ALICE, page));
        assertInfrastructureFailure(() -> repository.listOutgoing(ALICE, page));
        assertInfrastructureFailure(() -> service.transferCertificate(principal(ALICE), id, BOB, Option.none()));

        var restarted = start(port);
        try {
            assertThat(repository.find(id).certificate().map(c -> c.owner())).contains(ALICE);
            assertThat(service.transferCertificate(principal(ALICE), id, BOB, Option.none())
                            .isRight())
                    .isTrue();
            assertThat(repository.listOutgoing(ALICE, page)).hasSize(1);
        } finally {
            restarted.close();
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static void assertInfrastructureFailure(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        JdbcRepositoryException.class,
                        e -> assertThat(e.sqlState()).as("a connection failure").startsWith("08"));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
