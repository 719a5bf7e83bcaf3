package dev.certificatetransfer.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcHealthCheck;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.adapter.jdbc.JdbcSchema;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Principal;
import io.vavr.control.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The JDBC adapter wired as a host wires it: a HikariCP pool the host owns (here over an H2 file in a temporary
 * directory; a PostgreSQL URL works the same), the tables in a schema of their own, the migrations applied once, the
 * repository over the pool, the outbox relay handing committed events to the host's publisher (with a retention for
 * delivered events), and the health check with the outbox's backlog. Argument: an optional JDBC URL.
 */
public final class JdbcWiringExample {

    private JdbcWiringExample() {}

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("certificate-transfer-jdbc-example");
        var config = new HikariConfig();
        config.setJdbcUrl(
                args.length > 0 ? args[0] : "jdbc:h2:file:" + directory.resolve("certificates") + ";WRITE_DELAY=0");
        config.setMaximumPoolSize(4);
        try (var dataSource = new HikariDataSource(config)) {
            var schema = JdbcSchema.named("certificate_transfer"); // beside any table of the host's own
            JdbcMigrations.migrate(dataSource, schema);

            var transfers = CertificateTransferService.builder()
                    .repository(new JdbcCertificateRepository(dataSource, schema))
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(Clock.systemUTC())
                    .build();
            var relay = OutboxRelay.builder(
                            dataSource,
                            event -> System.out.println("  relayed " + event.type() + " v" + event.version() + " of "
                                    + event.certificateId().value().substring(0, 12) + "…"))
                    .schema(schema)
                    .retention(Duration.ofDays(7))
                    .build();
            var health = new JdbcHealthCheck(dataSource, "h2 file", relay);

            var alice = Principal.root(new AccountId("111111111111"));
            var bob = Principal.root(new AccountId("222222222222"));
            var id = transfers
                    .registerCertificateWithoutCa(alice, DemoCertificates.parsed(4), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
            transfers
                    .transferCertificate(alice, id, bob.account(), Option.none())
                    .get();
            var cancelled = transfers.cancelCertificateTransfer(alice, id).get();
            System.out.println("Stored in " + config.getJdbcUrl() + ": "
                    + id.value().substring(0, 12) + "… is " + cancelled.status() + ", owned by " + cancelled.owner());

            System.out.println("The outbox holds the three events, committed with the changes: backlog "
                    + health.check().backlog().get().undelivered() + "; the relay delivers them in order:");
            int delivered = relay.deliverBatch(100);
            System.out.println("Delivered " + delivered + "; a second round finds nothing: " + relay.deliverBatch(100));
            System.out.println("Health: " + (health.check().up() ? "up" : "down") + ", backlog "
                    + health.check().backlog().get().undelivered());
            // a long-running host starts the loop instead: relay.start(Duration.ofMillis(200)) ... relay.close()
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
            Files.delete(directory);
        }
    }
}
