package dev.certificatetransfer.adapter.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certificatetransfer.adapter.micrometer.MeterNames;
import dev.certificatetransfer.adapter.micrometer.MicrometerCertificateTransferUseCases;
import dev.certificatetransfer.adapter.micrometer.MicrometerServiceListener;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ServiceListener;
import dev.certificatetransfer.domain.CertificateStatus;
import dev.certificatetransfer.domain.RefusalCode;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.testing.Accounts;
import dev.certificatetransfer.testing.TestCertificates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.util.UUID;

/** The library's meters in a Spring application: on with Micrometer and adapters-micrometer, off without either. */
class CertificateTransferMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CertificateTransferAutoConfiguration.class, CertificateTransferMetricsAutoConfiguration.class));

    @Test
    void with_a_registry_the_injected_service_is_counted_per_operation_and_outcome() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            var transfers = context.getBean(CertificateTransferUseCases.class);
            assertThat(transfers).isInstanceOf(MicrometerCertificateTransferUseCases.class);
            assertThat(context.getBean(ServiceListener.class)).isInstanceOf(MicrometerServiceListener.class);

            var alice = Accounts.principal(Accounts.ALICE);
            var id = transfers
                    .registerCertificateWithoutCa(alice, TestCertificates.parsed(1), CertificateStatus.INACTIVE)
                    .get()
                    .certificateId();
            var refused = transfers.cancelCertificateTransfer(alice, id);

            var registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MeterNames.OPERATIONS)
                            .tag(MeterNames.OPERATION, "RegisterCertificateWithoutCA")
                            .tag(MeterNames.OUTCOME, MeterNames.OK)
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(MeterNames.OPERATIONS)
                            .tag(MeterNames.OPERATION, "CancelCertificateTransfer")
                            .tag(MeterNames.OUTCOME, refused.getLeft().code().name())
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(refused.getLeft().code()).isEqualTo(RefusalCode.INVALID_REQUEST);
        });
    }

    @Test
    void with_a_database_the_outbox_backlog_is_a_gauge() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("certificate-transfer.jdbc.relay.enabled=false")
                .run(context -> {
                    var registry = context.getBean(MeterRegistry.class);
                    context.getBean("certificateTransferOutboxMetrics", MeterBinder.class)
                            .bindTo(registry);
                    context.getBean(CertificateTransferUseCases.class)
                            .registerCertificateWithoutCa(
                                    Accounts.principal(Accounts.ALICE),
                                    TestCertificates.parsed(2),
                                    CertificateStatus.INACTIVE);

                    assertThat(registry.get(MeterNames.OUTBOX_BACKLOG).gauge().value())
                            .isEqualTo(1);
                });
    }

    @Test
    void without_the_metrics_module_the_service_is_injected_as_it_is() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerCertificateTransferUseCases.class))
                .run(context -> {
                    assertThat(context.getBean(CertificateTransferUseCases.class))
                            .isInstanceOf(CertificateTransferService.class);
                    assertThat(context).doesNotHaveBean(ServiceListener.class);
                });
    }

    @Test
    void without_a_registry_nothing_is_recorded_and_the_service_is_injected_as_it_is() {
        runner.run(context -> assertThat(context.getBean(CertificateTransferUseCases.class))
                .isInstanceOf(CertificateTransferService.class));
    }
}
