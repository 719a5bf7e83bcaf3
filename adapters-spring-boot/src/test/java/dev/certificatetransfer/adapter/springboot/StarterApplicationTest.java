package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.domain.CertificateEvent;
import dev.certificatetransfer.domain.CertificateEvent.EventType;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.vavr.control.Option;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The starter in a real Spring Boot application, every auto-configuration on the class path, its DataSource made by
 * Spring Boot from {@code spring.datasource.url}: on H2 and on a real PostgreSQL server.
 */
class StarterApplicationTest {

    /** The host application: only a listener of certificate events. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Host {

        @Bean
        Received received() {
            return new Received();
        }
    }

    /** The events the host's listener received. */
    static final class Received {
        final List<CertificateEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CertificateEvent event) {
            events.add(event);
        }
    }

    private static ConfigurableApplicationContext start(String jdbcUrl) {
        return new SpringApplicationBuilder(Host.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.datasource.url=" + jdbcUrl,
                        "certificate-transfer.region=eu-west-1",
                        "certificate-transfer.jdbc.relay.interval=20ms")
                .run();
    }

    /** Register, transfer, cancel: three events reach the host's listener, in order, after their commits. */
    private static void transfer_and_cancel_reach_the_listener(ConfigurableApplicationContext context) {
        assertThat(context.getBean(CertificateRepository.class)).isInstanceOf(JdbcCertificateRepository.class);
        var transfers = context.getBean(CertificateTransferUseCases.class);
        var alice = Accounts.principal(Accounts.ALICE);
        var id = transfers
                .registerCertificateWithoutCa(alice, TestCertificates.parsed(2), CertificateStatus.INACTIVE)
                .get()
                .certificateId();
        var transfer = transfers.transferCertificate(alice, id, Accounts.BOB, Option.none());
        assertThat(transfer.isRight()).as("the transfer: %s", transfer).isTrue();
        assertThat(transfer.get().transferredCertificateArn().value()).startsWith("arn:aws:iot:eu-west-1:");
        var cancel = transfers.cancelCertificateTransfer(alice, id);
        assertThat(cancel.isRight()).as("the cancel: %s", cancel).isTrue();

        var received = context.getBean(Received.class).events;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(received)
                        .extracting(CertificateEvent::type)
                        .containsExactly(
                                EventType.CERTIFICATE_REGISTERED,
                                EventType.TRANSFER_REQUESTED,
                                EventType.TRANSFER_CANCELLED));
    }

    private static void health_names_the_database(ConfigurableApplicationContext context, String database) {
        var health = context.getBean("certificateTransferHealthIndicator", HealthIndicator.class)
                .health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("store", "jdbc (" + database + ")");
    }

    @Nested
    class On_h2 {

        @Test
        void transfer_and_cancel_are_stored_and_their_events_delivered() {
            try (var context = start("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
                transfer_and_cancel_reach_the_listener(context);
                health_names_the_database(context, "H2");
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class On_postgresql {

        private EmbeddedPostgres server;

        @BeforeAll
        void startPostgres() throws IOException {
            server = EmbeddedPostgres.builder().start();
        }

        @AfterAll
        void stopPostgres() throws IOException {
            server.close();
        }

        @Test
        void transfer_and_cancel_are_stored_and_their_events_delivered() {
            var url = server.getJdbcUrl("postgres", "postgres");
            try (var context = start(url)) {
                transfer_and_cancel_reach_the_listener(context);
                health_names_the_database(context, "PostgreSQL");
            }
        }
    }
}
