package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.OutboxBacklog;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.micrometer.MicrometerCertificateTransferUseCases;
import dev.certificatetransfer.adapter.micrometer.MicrometerServiceListener;
import dev.certificatetransfer.adapter.micrometer.OutboxBacklogMetrics;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ServiceListener;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The library's metrics, when the host has Micrometer and {@code certificate-transfer-adapters-micrometer} on its
 * class path and the service is the starter's: the service's {@code CertificateTransferUseCases} counted and timed
 * per operation and outcome (the {@code @Primary} bean to inject), lost compare-and-set races, writes that gave up
 * and expiry sweeps (through the service's listener), and with a database the outbox's backlog. The meters go to
 * the application's {@link MeterRegistry}; without one, nothing is recorded.
 */
@AutoConfiguration(after = CertificateTransferAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, MicrometerCertificateTransferUseCases.class})
@ConditionalOnBean(CertificateTransferService.class)
public final class CertificateTransferMetricsAutoConfiguration {

    /** The auto-configuration; Spring Boot makes it. */
    public CertificateTransferMetricsAutoConfiguration() {
        // nothing to configure
    }

    /**
     * Lost races, writes that gave up and sweeps, counted in the application's registry.
     *
     * @param registry the application's meter registry, if it has one
     * @return the listener the starter's service is built with
     */
    @Bean
    @ConditionalOnMissingBean
    public ServiceListener certificateTransferServiceListener(ObjectProvider<MeterRegistry> registry) {
        var meters = registry.getIfUnique();
        return meters == null ? ServiceListener.none() : new MicrometerServiceListener(meters);
    }

    /**
     * The service, counted and timed per operation and outcome: what the application injects as
     * {@code CertificateTransferUseCases}.
     *
     * @param service the starter's service
     * @param registry the application's meter registry, if it has one
     * @return the metered service, or the service itself without a registry
     */
    @Bean
    @Primary
    public CertificateTransferUseCases certificateTransferMeteredUseCases(
            CertificateTransferService service, ObjectProvider<MeterRegistry> registry) {
        var meters = registry.getIfUnique();
        return meters == null ? service : new MicrometerCertificateTransferUseCases(service, meters);
    }

    /**
     * With a database: the outbox's backlog and the age of its oldest event, bound by Spring Boot to the registry.
     *
     * @param relay the outbox relay
     * @return the binder
     */
    @Bean
    @ConditionalOnBean(OutboxRelay.class)
    public MeterBinder certificateTransferOutboxMetrics(OutboxRelay relay) {
        return OutboxBacklogMetrics.of(relay::backlog, OutboxBacklog::undelivered, OutboxBacklog::oldestAge);
    }
}
