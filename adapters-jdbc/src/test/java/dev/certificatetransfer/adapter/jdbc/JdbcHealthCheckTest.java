package dev.certificatetransfer.adapter.jdbc;

import static dev.certificatetransfer.testing.Accounts.ALICE;
import static dev.certificatetransfer.testing.Accounts.principal;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.testing.MovableClock;
import dev.certificatetransfer.testing.RecordingEventPublisher;
import dev.certificatetransfer.testing.TestCertificates;
import dev.certificatetransfer.testing.TickingClock;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** The database's health as a host reads it: up with the outbox's backlog, or down with why and nothing secret. */
class JdbcHealthCheckTest {

    private static final String SECRET = "hunter2";

    private final HikariDataSource database = TestDatabases.h2InMemory();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void a_database_that_answers_is_up_with_the_backlog_of_its_outbox() {
        var relay = OutboxRelay.builder(database, new RecordingEventPublisher())
                .clock(new MovableClock(TickingClock.START.plusSeconds(60)))
                .build();
        var check = new JdbcHealthCheck(database, "h2 in memory", relay);
        assertThat(check.check()).isEqualTo(new JdbcHealth(true, "h2 in memory", "", Option.some(relay.backlog())));

        Services.on(database)
                .registerCertificateWithoutCa(principal(ALICE), TestCertificates.parsed(0), CertificateStatus.ACTIVE)
                .get();
        assertThat(check.check().backlog()).containsExactly(new OutboxBacklog(1, Duration.ofSeconds(60)));
        relay.deliverBatch(10);
        assertThat(check.check().backlog()).containsExactly(new OutboxBacklog(0, Duration.ZERO));
    }

    @Test
    void without_a_relay_it_checks_the_connection_only() {
        assertThat(new JdbcHealthCheck(database, "h2").check())
                .isEqualTo(new JdbcHealth(true, "h2", "", Option.none()));
    }

    @Test
    void a_database_that_refuses_connections_is_down_with_its_sqlstate_and_no_message() {
        DataSource refusing = proxy(DataSource.class, database, "getConnection", () -> {
            throw new SQLException("password " + SECRET + " rejected for jdbc:postgresql://db/x", "28P01");
        });
        var health = new JdbcHealthCheck(refusing, "postgresql", new OutboxRelay(refusing, event -> {})).check();
        assertThat(health.up()).isFalse();
        assertThat(health.detail())
                .isEqualTo("no connection to the database (SQLSTATE 28P01)")
                .doesNotContain(SECRET);
        assertThat(health.backlog()).isEmpty();
    }

    @Test
    void a_connection_the_driver_finds_invalid_is_down() {
        DataSource invalid = proxy(
                DataSource.class,
                database,
                "getConnection",
                () -> proxy(Connection.class, database.getConnection(), "isValid", () -> false));
        assertThat(new JdbcHealthCheck(invalid, "h2").check())
                .isEqualTo(new JdbcHealth(false, "h2", "the database does not answer", Option.none()));
    }

    @Test
    void a_database_without_the_outbox_is_down() {
        try (var unmigrated = TestDatabases.pool("jdbc:h2:mem:unmigrated-health", 2)) {
            var health = new JdbcHealthCheck(unmigrated, "h2", new OutboxRelay(unmigrated, event -> {})).check();
            assertThat(health.up()).isFalse();
            assertThat(health.detail()).startsWith("the outbox cannot be read (SQLSTATE 42");
        }
    }

    private interface Answer {
        Object get() throws SQLException;
    }

    /** The target, but {@code method} answers (or throws) what {@code answer} does. */
    private static <T> T proxy(Class<T> type, T target, String method, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, called, args) -> {
            if (called.getName().equals(method)) {
                return answer.get();
            }
            try {
                return called.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
