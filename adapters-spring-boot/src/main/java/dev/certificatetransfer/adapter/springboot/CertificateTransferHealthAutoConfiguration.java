package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.port.out.CertificateRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code certificateTransfer} health component, when the host has Spring Boot's health support (Actuator brings
 * it): whether the store can serve now, and which it is. {@code management.health.certificate-transfer.enabled=false}
 * turns it off; a host bean named {@code certificateTransferHealthIndicator} replaces it.
 */
@AutoConfiguration(after = CertificateTransferAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("certificate-transfer")
public final class CertificateTransferHealthAutoConfiguration {

    /** The auto-configuration; Spring Boot makes it. */
    public CertificateTransferHealthAutoConfiguration() {
        // nothing to configure
    }

    @Bean
    @ConditionalOnMissingBean(name = "certificateTransferHealthIndicator")
    CertificateTransferHealthIndicator certificateTransferHealthIndicator(
            ObjectProvider<CertificateRepository> repository,
            ObjectProvider<StoreDataSource> storeDataSource,
            ObjectProvider<OutboxRelay> relay) {
        var product = new AtomicReference<String>(); // asked of the database until it answers, then kept
        return new CertificateTransferHealthIndicator(() -> {
            var store = repository.getIfUnique();
            if (store instanceof InMemoryCertificateRepository) {
                return StoreHealth.up("memory");
            }
            var chosen = storeDataSource.getIfAvailable();
            if (store instanceof JdbcCertificateRepository && chosen != null) {
                var database = chosen.dataSource();
                if (product.get() == null) {
                    JdbcStore.product(database).forEach(product::set);
                }
                return JdbcStore.health(
                        database, relay.getIfUnique(), product.get() == null ? "unknown" : product.get());
            }
            return StoreHealth.unknown(
                    store == null ? "none" : store.getClass().getSimpleName(),
                    "the host's own repository: its health is the host's to report");
        });
    }
}
