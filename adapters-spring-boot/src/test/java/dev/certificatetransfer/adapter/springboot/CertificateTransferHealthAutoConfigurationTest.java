package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.port.out.CertificateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code certificateTransfer} health component: when it is there, and what it says. */
class CertificateTransferHealthAutoConfigurationTest {

    private static final String INDICATOR = "certificateTransferHealthIndicator";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CertificateTransferAutoConfiguration.class, CertificateTransferHealthAutoConfiguration.class));

    private static Health health(ApplicationContext context) {
        return context.getBean(INDICATOR, HealthIndicator.class).health();
    }

    @Test
    void in_memory_it_is_up() {
        runner.run(context -> {
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(health(context).getDetails()).containsEntry("store", "memory");
        });
    }

    @Test
    void with_a_database_that_answers_it_is_up_and_names_the_database() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(DataSource.class, () -> dataSource).run(context -> {
            assertThat(health(context).getStatus()).isEqualTo(Status.UP);
            assertThat(health(context).getDetails())
                    .containsEntry("store", "jdbc (H2)")
                    .containsEntry("outboxUndelivered", 0L)
                    .containsKey("outboxOldestAgeMillis");
        });
    }

    @Test
    void with_a_database_that_cannot_be_reached_it_is_down_with_the_sqlstate() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        var reachable = new AtomicBoolean(true);
        DataSource flaky = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (!reachable.get()) {
                    throw new SQLException("connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        runner.withBean(DataSource.class, () -> flaky).run(context -> {
            reachable.set(false); // after the migrations ran at start
            assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
            assertThat(health(context).getDetails())
                    .containsEntry("store", "jdbc (unknown)")
                    .containsEntry("detail", "no connection to the database (SQLSTATE 08001)");
        });
    }

    @Test
    void the_database_is_named_once_it_answered_and_a_check_then_opens_one_connection() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        var reachable = new AtomicBoolean(true);
        var connections = new java.util.concurrent.atomic.AtomicInteger();
        DataSource counted = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                if (!reachable.get()) {
                    throw new SQLException("connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        // no relay running: its delivery runs would open connections of their own while the check is counted
        runner.withBean(DataSource.class, () -> counted)
                .withPropertyValues("certificate-transfer.jdbc.relay.enabled=false")
                .run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    reachable.set(false);
                    int before = connections.get();

                    var down = health(context);

                    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(down.getDetails()).containsEntry("store", "jdbc (H2)");
                    assertThat(connections.get() - before).isEqualTo(1);
                });
    }

    @Test
    void of_several_data_sources_it_checks_the_one_the_service_stores_in() {
        var other = new JdbcDataSource();
        other.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        var chosen = new JdbcDataSource();
        chosen.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        var reachable = new AtomicBoolean(true);
        DataSource flaky = new DelegatingDataSource(chosen) {
            @Override
            public Connection getConnection() throws SQLException {
                if (!reachable.get()) {
                    throw new SQLException("connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        runner.withBean("other", DataSource.class, () -> other)
                .withBean("chosen", DataSource.class, () -> flaky)
                .withPropertyValues("certificate-transfer.jdbc.data-source=chosen")
                .run(context -> {
                    assertThat(health(context).getStatus()).isEqualTo(Status.UP);
                    reachable.set(false);
                    assertThat(health(context).getStatus()).isEqualTo(Status.DOWN);
                });
    }

    @Test
    void a_hosts_own_repository_is_reported_unknown_not_up() {
        var unreachable = new JdbcDataSource();
        unreachable.setURL("jdbc:h2:tcp://127.0.0.1:1/nowhere");
        runner.withBean(CertificateRepository.class, () -> new JdbcCertificateRepository(unreachable))
                .run(context -> {
                    var health = health(context);
                    assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
                    assertThat(health.getDetails())
                            .containsEntry("store", "JdbcCertificateRepository")
                            .containsKey("detail");
                });
    }

    @Test
    void absent_without_spring_boots_health_support() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(INDICATOR));
    }

    @Test
    void absent_when_turned_off() {
        runner.withPropertyValues("management.health.certificate-transfer.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(INDICATOR));
    }

    @Test
    void the_hosts_own_replaces_it() {
        HealthIndicator hosts = () -> Health.outOfService().build();
        runner.withBean(INDICATOR, HealthIndicator.class, () -> hosts)
                .run(context -> assertThat(health(context).getStatus()).isEqualTo(Status.OUT_OF_SERVICE));
    }
}
