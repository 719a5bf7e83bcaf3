package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.ca.BouncyCastleCertificateIssuer;
import dev.certificatetransfer.adapter.jdbc.JdbcAuthorityStore;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.Region;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.CertificateIssuer;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.EventPublisher;
import dev.certificatetransfer.port.out.Permission;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Each condition of {@link CertificateTransferAutoConfiguration}, in an application context of its own. */
class CertificateTransferAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CertificateTransferAutoConfiguration.class));

    private static DataSource h2() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return dataSource;
    }

    /** Alice registers test certificate 1 (inactive, so it may be transferred) and offers it to Bob. */
    private static void registerAndTransfer(AssertableApplicationContext context) {
        var transfers = context.getBean(CertificateTransferUseCases.class);
        var alice = Accounts.principal(Accounts.ALICE);
        var id = transfers
                .registerCertificateWithoutCa(alice, TestCertificates.parsed(1), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        var transfer = transfers.transferCertificate(alice, id, Accounts.BOB, Option.none());
        assertThat(transfer.isRight()).as("the transfer: %s", transfer).isTrue();
    }

    /** Collects the Spring application events that are certificate events. */
    static final class Received {
        final List<CertificateEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CertificateEvent event) {
            events.add(event);
        }
    }

    @Nested
    class Without_a_data_source {

        @Test
        void the_service_stores_in_memory() {
            runner.run(context -> {
                assertThat(context).hasSingleBean(CertificateTransferService.class);
                assertThat(context)
                        .getBean(CertificateRepository.class)
                        .isInstanceOf(InMemoryCertificateRepository.class);
                assertThat(context).doesNotHaveBean(OutboxRelay.class);
            });
        }

        @Test
        void committed_events_are_spring_application_events_published_by_the_commit() {
            runner.withBean(Received.class).run(context -> {
                registerAndTransfer(context);
                assertThat(context.getBean(Received.class).events)
                        .extracting(CertificateEvent::type)
                        .containsExactly(EventType.CERTIFICATE_REGISTERED, EventType.TRANSFER_REQUESTED);
            });
        }

        @Test
        void the_ca_issues_with_adapters_ca_on_the_class_path_and_without_it_there_is_none() {
            runner.run(context -> {
                assertThat(context).getBean(AuthorityStore.class).isInstanceOf(InMemoryAuthorityStore.class);
                assertThat(context).hasSingleBean(CertificateIssuer.class);
                assertThat(context.getBean(CertificateTransferUseCases.class)
                                .createKeysAndCertificate(Accounts.principal(Accounts.ALICE), true)
                                .get()
                                .certificate()
                                .status())
                        .isEqualTo(dev.certificatetransfer.domain.CertificateStatus.ACTIVE);
            });
            runner.withClassLoader(new FilteredClassLoader(BouncyCastleCertificateIssuer.class))
                    .run(context -> assertThat(context).doesNotHaveBean(CertificateIssuer.class));
        }

        @Test
        void the_default_authorizer_allows_every_authenticated_principal() {
            runner.run(context ->
                    assertThat(context).getBean(Authorizer.class).isInstanceOf(AllowAuthenticatedAuthorizer.class));
        }
    }

    @Nested
    class With_a_data_source {

        @Test
        void the_service_stores_in_it_after_our_migrations() {
            var dataSource = h2();
            runner.withBean(DataSource.class, () -> dataSource).run(context -> {
                assertThat(context).getBean(CertificateRepository.class).isInstanceOf(JdbcCertificateRepository.class);
                assertThat(tables(dataSource)).contains("CERTIFICATE", "CERTIFICATE_EVENT");
            });
        }

        @Test
        void the_deployments_ca_is_kept_in_it_so_a_second_context_issues_under_the_same_ca() {
            var dataSource = h2();
            var first = new String[1];
            runner.withBean(DataSource.class, () -> dataSource).run(context -> {
                assertThat(context).getBean(AuthorityStore.class).isInstanceOf(JdbcAuthorityStore.class);
                first[0] = context.getBean(CertificateIssuer.class).authorityCertificatePem();
                var created = context.getBean(CertificateTransferUseCases.class)
                        .createKeysAndCertificate(Accounts.principal(Accounts.ALICE), false);
                assertThat(created.isRight()).isTrue();
            });
            runner.withBean(DataSource.class, () -> dataSource)
                    .run(context -> assertThat(
                                    context.getBean(CertificateIssuer.class).authorityCertificatePem())
                            .isEqualTo(first[0]));
        }

        @Test
        void the_outbox_relay_delivers_the_events_as_spring_application_events() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withBean(Received.class)
                    .withPropertyValues("certificate-transfer.jdbc.relay.interval=10ms")
                    .run(context -> {
                        registerAndTransfer(context);
                        var received = context.getBean(Received.class).events;
                        await().atMost(Duration.ofSeconds(30))
                                .untilAsserted(() -> assertThat(received)
                                        .extracting(CertificateEvent::type)
                                        .containsExactly(
                                                EventType.CERTIFICATE_REGISTERED, EventType.TRANSFER_REQUESTED));
                    });
        }

        @Test
        void no_migrations_when_the_host_runs_them_itself() {
            var dataSource = h2();
            runner.withBean(DataSource.class, () -> dataSource)
                    .withPropertyValues("certificate-transfer.jdbc.migrate=false")
                    .run(context -> {
                        assertThat(context).hasSingleBean(CertificateTransferService.class);
                        assertThat(tables(dataSource)).doesNotContain("CERTIFICATE");
                    });
        }

        @Test
        void no_relay_runs_when_it_is_disabled() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withPropertyValues("certificate-transfer.jdbc.relay.enabled=false")
                    .run(context -> {
                        assertThat(context).hasSingleBean(OutboxRelay.class);
                        assertThat(context).doesNotHaveBean("certificateTransferOutboxRelayTask");
                    });
        }

        @Test
        void a_data_source_bean_name_that_is_blank_stops_the_start() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withPropertyValues("certificate-transfer.jdbc.data-source= ")
                    .run(context -> assertThat(context).hasFailed());
        }
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection();
                var rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            var names = new CopyOnWriteArrayList<String>();
            while (rows.next()) {
                names.add(rows.getString("TABLE_NAME"));
            }
            return names;
        }
    }

    @Nested
    class With_several_data_sources {

        private final DataSource first = h2();
        private final DataSource second = h2();

        private ApplicationContextRunner two(boolean secondIsPrimary) {
            return runner.withBean("first", DataSource.class, () -> first)
                    .withBean(
                            "second",
                            DataSource.class,
                            () -> second,
                            definition -> definition.setPrimary(secondIsPrimary));
        }

        @Test
        void the_service_stores_in_the_primary_one() {
            two(true).run(context -> {
                assertThat(context).getBean(CertificateRepository.class).isInstanceOf(JdbcCertificateRepository.class);
                assertThat(tables(second)).contains("CERTIFICATE");
                assertThat(tables(first)).doesNotContain("CERTIFICATE");
            });
        }

        @Test
        void the_service_stores_in_the_one_the_property_names() {
            two(false)
                    .withPropertyValues("certificate-transfer.jdbc.data-source=second")
                    .run(context -> {
                        registerAndTransfer(context);
                        assertThat(tables(second)).contains("CERTIFICATE");
                        assertThat(tables(first)).doesNotContain("CERTIFICATE");
                    });
        }

        @Test
        void the_property_wins_over_the_primary_one() {
            two(true)
                    .withPropertyValues("certificate-transfer.jdbc.data-source=first")
                    .run(context -> {
                        assertThat(tables(first)).contains("CERTIFICATE");
                        assertThat(tables(second)).doesNotContain("CERTIFICATE");
                    });
        }

        @Test
        void without_a_primary_or_the_property_the_start_fails_naming_the_property() {
            two(false)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.jdbc.data-source=<bean name>")
                            .hasMessageContaining("[first, second]"));
        }

        @Test
        void a_name_that_is_no_data_sources_stops_the_start_naming_the_property() {
            two(false)
                    .withPropertyValues("certificate-transfer.jdbc.data-source=third")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("certificate-transfer.jdbc.data-source=third names no DataSource")
                            .hasMessageContaining("[first, second]"));
        }
    }

    @Nested
    class Backs_off_to_the_hosts_own {

        @Test
        void authorizer() {
            Authorizer refuseAll = (principal, action, resource) -> Permission.REFUSED;
            runner.withBean(Authorizer.class, () -> refuseAll).run(context -> {
                assertThat(context).getBean(Authorizer.class).isSameAs(refuseAll);
                var refused = context.getBean(CertificateTransferUseCases.class)
                        .registerCertificateWithoutCa(
                                Accounts.principal(Accounts.ALICE),
                                TestCertificates.parsed(1),
                                CertificateStatus.ACTIVE);
                assertThat(refused.isLeft())
                        .as("refused by the host's authorizer")
                        .isTrue();
            });
        }

        @Test
        void repository() {
            var hosts = new InMemoryCertificateRepository();
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withBean(CertificateRepository.class, () -> hosts)
                    .run(context -> {
                        assertThat(context).getBean(CertificateRepository.class).isSameAs(hosts);
                        assertThat(context)
                                .as("the host's DataSource is neither migrated nor relayed")
                                .doesNotHaveBean(CertificateTransferAutoConfiguration.Migrated.class)
                                .doesNotHaveBean(OutboxRelay.class);
                        registerAndTransfer(context);
                        assertThat(hosts.find(TestCertificates.id(1)).version()).isEqualTo(2);
                    });
        }

        @Test
        void service() {
            var hosts = CertificateTransferService.builder()
                    .repository(new InMemoryCertificateRepository())
                    .authorizer(new AllowAuthenticatedAuthorizer())
                    .clock(Clock.systemUTC())
                    .build();
            runner.withBean(CertificateTransferUseCases.class, () -> hosts).run(context -> {
                assertThat(context).getBean(CertificateTransferUseCases.class).isSameAs(hosts);
                assertThat(context).doesNotHaveBean("certificateTransferService");
            });
        }

        @Test
        void event_publisher() {
            var received = new CopyOnWriteArrayList<CertificateEvent>();
            EventPublisher hosts = received::add;
            runner.withBean(EventPublisher.class, () -> hosts)
                    .withBean(Received.class)
                    .run(context -> {
                        registerAndTransfer(context);
                        assertThat(received).hasSize(2);
                        assertThat(context.getBean(Received.class).events).isEmpty();
                    });
        }

        @Test
        void outbox_relay() {
            var dataSource = h2();
            var hosts = new OutboxRelay(dataSource, EventPublisher.none());
            runner.withBean(DataSource.class, () -> dataSource)
                    .withBean(OutboxRelay.class, () -> hosts)
                    .run(context ->
                            assertThat(context).getBean(OutboxRelay.class).isSameAs(hosts));
        }
    }

    @Nested
    class Properties {

        @Test
        void are_bound() {
            runner.withPropertyValues(
                            "certificate-transfer.region=eu-west-1",
                            "certificate-transfer.transfer.time-to-live=7d",
                            "certificate-transfer.transfer.sweep-interval=30s",
                            "certificate-transfer.jdbc.migrate=false",
                            "certificate-transfer.jdbc.relay.interval=1s")
                    .run(context -> {
                        var properties = context.getBean(CertificateTransferProperties.class);
                        assertThat(properties.transfer().timeToLive()).isEqualTo(Duration.ofDays(7));
                        assertThat(properties.transfer().sweepInterval()).isEqualTo(Duration.ofSeconds(30));
                        assertThat(properties.jdbc().migrate()).isFalse();
                        assertThat(properties.jdbc().relay().interval()).isEqualTo(Duration.ofSeconds(1));
                        assertThat(context.getBean(CertificateTransferUseCases.class)
                                        .region())
                                .isEqualTo(new Region("eu-west-1"));
                        assertThat(context).hasBean("certificateTransferExpirySweep");
                    });
        }

        @Test
        void have_defaults() {
            runner.run(context -> {
                var properties = context.getBean(CertificateTransferProperties.class);
                assertThat(properties.region()).isEqualTo(Region.US_EAST_1);
                assertThat(properties.transfer().timeToLive()).isNull();
                assertThat(properties.jdbc().migrate()).isTrue();
                assertThat(properties.jdbc().relay().enabled()).isTrue();
                assertThat(properties.jdbc().relay().interval()).isEqualTo(Duration.ofMillis(200));
                assertThat(context).doesNotHaveBean("certificateTransferExpirySweep");
            });
        }

        @Test
        void a_region_that_is_not_one_stops_the_start() {
            runner.withPropertyValues("certificate-transfer.region=EU West")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("a region is lowercase letters"));
        }

        @Test
        void a_time_to_live_out_of_range_stops_the_start() {
            runner.withPropertyValues("certificate-transfer.transfer.time-to-live=0s")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining(
                                    "a transfer time-to-live is a positive whole number of milliseconds"));
        }

        @Test
        void a_relay_interval_under_a_millisecond_stops_the_start() {
            runner.withPropertyValues("certificate-transfer.jdbc.relay.interval=0ms")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("the relay interval is at least a millisecond"));
        }

        @Test
        void the_tables_go_to_the_schema_the_properties_name() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withPropertyValues("certificate-transfer.jdbc.schema=certificates")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        try (var connection = context.getBean(DataSource.class).getConnection();
                                var tables = connection
                                        .createStatement()
                                        .executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                                                + " WHERE TABLE_SCHEMA = 'certificates'"
                                                + " AND UPPER(TABLE_NAME) IN ('CERTIFICATE', 'CERTIFICATE_EVENT')")) {
                            tables.next();
                            assertThat(tables.getInt(1)).isEqualTo(2);
                        }
                    });
        }

        @Test
        void a_schema_name_that_is_not_an_identifier_stops_the_start() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withPropertyValues("certificate-transfer.jdbc.schema=x; DROP TABLE y")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .as("refused while binding, naming the properties")
                            .hasStackTraceContaining("certificate-transfer.jdbc")
                            .rootCause()
                            .hasMessageContaining("a schema name is 1 to 63"));
        }

        @Test
        void an_outbox_retention_is_taken() {
            runner.withBean(DataSource.class, CertificateTransferAutoConfigurationTest::h2)
                    .withPropertyValues("certificate-transfer.jdbc.relay.retention=7d")
                    .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OutboxRelay.class));
        }
    }
}
