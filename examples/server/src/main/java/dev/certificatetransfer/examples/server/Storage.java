package dev.certificatetransfer.examples.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.adapter.http.HealthCheck;
import dev.certificatetransfer.adapter.http.HealthCheck.Health;
import dev.certificatetransfer.adapter.jdbc.JdbcAuthorityStore;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.JdbcHealth;
import dev.certificatetransfer.adapter.jdbc.JdbcHealthCheck;
import dev.certificatetransfer.adapter.jdbc.JdbcMigrations;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.examples.adapter.Slf4jEventPublisher;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.CertificateRepository;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.List;

/**
 * The local server's store opened: the repository and what {@code /health} reports of it. A JDBC store gets a
 * connection pool, its schema migrated, an outbox relay that logs the committed events (and deletes those delivered
 * more than a day ago; closing it delivers what is left), and the adapter's {@link JdbcHealthCheck} as the HTTP
 * adapter's {@link HealthCheck}; in memory, the repository logs the events itself.
 *
 * @param repository where the service keeps certificates
 * @param health     whether the store can be reached now
 * @param relay      the outbox relay of a JDBC store (its backlog is a metric), none in memory
 */
record Storage(
        CertificateRepository repository, AuthorityStore authority, HealthCheck health, Option<OutboxRelay> relay) {

    private static final Duration RELAY_INTERVAL = Duration.ofMillis(200);
    private static final Duration DELIVERED_EVENTS_KEPT = Duration.ofDays(1);

    /**
     * Opens {@code store}, adding what must be closed at the end to {@code resources} in the order to close it.
     *
     * @throws StartFailure when the database refuses, or its schema cannot be migrated
     */
    static Storage open(Store store, List<AutoCloseable> resources) {
        if (store instanceof Store.Jdbc jdbc) {
            return openJdbc(jdbc, resources);
        }
        return new Storage(
                new InMemoryCertificateRepository(new Slf4jEventPublisher()),
                new InMemoryAuthorityStore(),
                HealthCheck.alwaysUp(store.description()),
                Option.none());
    }

    private static Storage openJdbc(Store.Jdbc jdbc, List<AutoCloseable> resources) {
        var dataSource = pool(jdbc);
        resources.add(dataSource);
        try {
            JdbcMigrations.migrate(dataSource);
        } catch (RuntimeException e) {
            throw new StartFailure(
                    "the store " + jdbc.description() + " could not be opened and migrated: "
                            + StartFailure.describe(e),
                    e);
        }
        var relay = OutboxRelay.builder(dataSource, new Slf4jEventPublisher())
                .retention(DELIVERED_EVENTS_KEPT)
                .build();
        relay.start(RELAY_INTERVAL);
        resources.add(0, relay);
        var check = new JdbcHealthCheck(dataSource, jdbc.description(), relay);
        return new Storage(
                new JdbcCertificateRepository(dataSource),
                new JdbcAuthorityStore(dataSource),
                () -> asHttpHealth(check.check()),
                Option.some(relay));
    }

    private static HikariDataSource pool(Store.Jdbc jdbc) {
        var config = new HikariConfig();
        config.setJdbcUrl(jdbc.url());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(1_000); // so /health answers 503 within a second while the database is away
        config.setValidationTimeout(500);
        config.setPoolName("certificate-transfer");
        config.setInitializationFailTimeout(1); // a database that refuses at start fails the start, with its cause
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StartFailure(
                    "the store " + jdbc.description() + " could not be opened: " + StartFailure.describe(e), e);
        }
    }

    /** The HTTP adapter's answer: up or down, the store, why; the backlog is not part of {@code /health}. */
    /** The adapter's answer as {@code /health} gives it, with the outbox's backlog as two figures. */
    private static Health asHttpHealth(JdbcHealth health) {
        var answer = health.up() ? Health.up(health.store()) : Health.down(health.store(), health.detail());
        return health.backlog()
                .map(backlog -> answer.withFigure("outboxUndelivered", backlog.undelivered())
                        .withFigure("outboxOldestAgeMillis", backlog.oldestAge().toMillis()))
                .getOrElse(answer);
    }
}
