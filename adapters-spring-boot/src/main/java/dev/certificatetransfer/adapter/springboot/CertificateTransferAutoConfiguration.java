package dev.certificatetransfer.adapter.springboot;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.adapter.ca.BouncyCastleCertificateIssuer;
import dev.certificatetransfer.adapter.jdbc.JdbcAuthorityStore;
import dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.memory.InMemoryAuthorityStore;
import dev.certificatetransfer.adapter.memory.InMemoryCertificateRepository;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.application.ScheduledExpirySweep;
import dev.certificatetransfer.application.ServiceListener;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import dev.certificatetransfer.port.out.AttachmentQuery;
import dev.certificatetransfer.port.out.AuthorityStore;
import dev.certificatetransfer.port.out.Authorizer;
import dev.certificatetransfer.port.out.CertificateIssuer;
import dev.certificatetransfer.port.out.CertificateRepository;
import dev.certificatetransfer.port.out.EventPublisher;
import dev.certificatetransfer.port.out.TransferRule;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Builds the {@link CertificateTransferUseCases} bean, a {@link CertificateTransferService}, from the
 * {@code certificate-transfer.*} properties ({@link CertificateTransferProperties}) and the host's beans. Each bean
 * below backs off when the host defines one of its type:
 *
 * <ul>
 *   <li>the store: with a {@code DataSource} (the host's, or Spring Boot's from {@code spring.datasource.*}; of
 *       several, the primary one or the one {@code certificate-transfer.jdbc.data-source} names), a
 *       {@link JdbcCertificateRepository} on it, after our migrations, and an {@link OutboxRelay} that delivers its
 *       events every {@code certificate-transfer.jdbc.relay.interval}; with no {@code DataSource}, an
 *       {@link InMemoryCertificateRepository};
 *   <li>the events: a {@link SpringEventPublisher}, so each committed event becomes a Spring application event;
 *   <li>the {@link Authorizer}: {@link AllowAuthenticatedAuthorizer} (authentication is the host's; the domain's
 *       rules still let an account act only on its own certificates and transfers);
 *   <li>the deployment's CA ({@code AuthorityStore}: a table with a {@code DataSource}, else memory; and, with
 *       {@code certificate-transfer-adapters-ca} on the class path, the BouncyCastle {@link CertificateIssuer});
 *   <li>the service; with a transfer time-to-live, its expiry sweep.
 * </ul>
 *
 * <p>A {@code Clock}, a {@link TransferRule} or an {@link AttachmentQuery} bean of the host's, if it has exactly one,
 * goes into the service; else the system clock, every transfer allowed, nothing attached.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(CertificateTransferProperties.class)
public final class CertificateTransferAutoConfiguration {

    /** The auto-configuration; Spring Boot makes it. */
    public CertificateTransferAutoConfiguration() {
        // nothing to configure: the beans below take what they need
    }

    /**
     * Every authenticated principal may call every operation, as the local server does; the host's
     * {@code Authorizer} bean (a {@code PolicyAuthorizer}, or its own) replaces it.
     *
     * @return an {@link AllowAuthenticatedAuthorizer}
     */
    @Bean
    @ConditionalOnMissingBean
    public Authorizer certificateTransferAuthorizer() {
        return new AllowAuthenticatedAuthorizer();
    }

    /**
     * Committed events as Spring application events.
     *
     * @param publisher the application context
     * @return a {@link SpringEventPublisher}
     */
    @Bean
    @ConditionalOnMissingBean
    public EventPublisher certificateTransferEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringEventPublisher(publisher);
    }

    /**
     * The service, unless the host defines its own {@link CertificateTransferUseCases}.
     *
     * @param repository the store
     * @param authorizer the authorizer
     * @param properties the region and the transfer expiry
     * @param clock the host's clock, if it has one
     * @param transferRule the host's transfer rule, if it has one
     * @param attachments the host's attachment query, if it has one
     * @param listener what hears lost races and sweeps (the metrics of
     *     {@link CertificateTransferMetricsAutoConfiguration}), if there is one
     * @param issuer the deployment's CA for CreateKeysAndCertificate and CreateCertificateFromCsr, if there is one
     * @return the service
     */
    @Bean
    @ConditionalOnMissingBean(CertificateTransferUseCases.class)
    public CertificateTransferService certificateTransferService(
            CertificateRepository repository,
            Authorizer authorizer,
            CertificateTransferProperties properties,
            ObjectProvider<Clock> clock,
            ObjectProvider<TransferRule> transferRule,
            ObjectProvider<AttachmentQuery> attachments,
            ObjectProvider<ServiceListener> listener,
            ObjectProvider<CertificateIssuer> issuer) {
        var builder = CertificateTransferService.builder();
        issuer.ifUnique(builder::issuer);
        return builder.repository(repository)
                .authorizer(authorizer)
                .clock(clock.getIfUnique(Clock::systemUTC))
                .transferRule(transferRule.getIfUnique(TransferRule::allowAll))
                .attachments(attachments.getIfUnique(AttachmentQuery::none))
                .listener(listener.getIfUnique(ServiceListener::none))
                .region(properties.region())
                .transferExpiry(properties.transfer().expiry())
                .build();
    }

    /** With a transfer time-to-live: the sweep of the service bean, if it is ours, while the context runs. */
    @Bean
    @ConditionalOnProperty("certificate-transfer.transfer.time-to-live")
    BackgroundTask certificateTransferExpirySweep(
            ObjectProvider<CertificateTransferService> service, CertificateTransferProperties properties) {
        var interval = properties.transfer().sweepInterval();
        return new BackgroundTask(() -> {
            var ours = service.getIfUnique();
            return ours == null ? () -> {} : ScheduledExpirySweep.start(ours, interval)::close;
        });
    }

    /**
     * The store in the application's {@code DataSource} (its only or primary one, or the one
     * {@code certificate-transfer.jdbc.data-source} names): migrations, repository, outbox relay. A host's own
     * {@code CertificateRepository} replaces all three: its {@code DataSource} is then neither migrated nor relayed.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(CertificateRepository.class)
    static final class JdbcStoreConfiguration {

        @Bean
        StoreDataSource certificateTransferDataSource(
                ListableBeanFactory beans, CertificateTransferProperties properties) {
            return StoreDataSource.choose(beans, properties.jdbc().dataSource());
        }

        /** Our tables, created or upgraded at start, unless the host runs the migrations itself. */
        @Bean
        @ConditionalOnBooleanProperty(name = "certificate-transfer.jdbc.migrate", matchIfMissing = true)
        Migrated certificateTransferMigrations(StoreDataSource store, CertificateTransferProperties properties) {
            JdbcStore.migrate(store.dataSource(), properties.jdbc());
            return new Migrated();
        }

        @Bean
        @ConditionalOnMissingBean(CertificateRepository.class)
        JdbcCertificateRepository certificateTransferRepository(
                StoreDataSource store, CertificateTransferProperties properties, ObjectProvider<Migrated> migrated) {
            migrated.ifAvailable(tablesExist -> {}); // migrate before the first call can come
            return JdbcStore.repository(store.dataSource(), properties.jdbc());
        }

        /** Where the deployment's CA is kept: a row of our tables, so it survives restarts and is shared. */
        @Bean
        @ConditionalOnMissingBean(AuthorityStore.class)
        JdbcAuthorityStore certificateTransferAuthorityStore(
                StoreDataSource store, CertificateTransferProperties properties, ObjectProvider<Migrated> migrated) {
            migrated.ifAvailable(tablesExist -> {});
            return JdbcStore.authority(store.dataSource(), properties.jdbc());
        }

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay certificateTransferOutboxRelay(
                StoreDataSource store,
                EventPublisher publisher,
                CertificateTransferProperties properties,
                ObjectProvider<Migrated> migrated) {
            migrated.ifAvailable(tablesExist -> {});
            return JdbcStore.relay(store.dataSource(), publisher, properties.jdbc());
        }

        /** Runs the relay bean (ours or the host's) while the context runs, unless the relay is disabled. */
        @Bean
        @ConditionalOnBooleanProperty(name = "certificate-transfer.jdbc.relay.enabled", matchIfMissing = true)
        BackgroundTask certificateTransferOutboxRelayTask(OutboxRelay relay, CertificateTransferProperties properties) {
            var interval = properties.jdbc().relay().interval();
            return new BackgroundTask(() -> {
                relay.start(interval);
                return relay::close;
            });
        }
    }

    /** The store in memory, when there is no {@code DataSource}: events published on the committing thread. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(DataSource.class)
    static final class MemoryStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(CertificateRepository.class)
        InMemoryCertificateRepository certificateTransferRepository(EventPublisher publisher) {
            return new InMemoryCertificateRepository(publisher);
        }

        /** The deployment's CA in memory: a new one at every start. */
        @Bean
        @ConditionalOnMissingBean(AuthorityStore.class)
        InMemoryAuthorityStore certificateTransferAuthorityStore() {
            return new InMemoryAuthorityStore();
        }
    }

    /**
     * With {@code certificate-transfer-adapters-ca} on the class path: the BouncyCastle CA, kept in the store's
     * {@link AuthorityStore} (ours above, or the host's; in memory when there is none), so CreateKeysAndCertificate
     * and CreateCertificateFromCsr are served. A host's {@link CertificateIssuer} bean replaces it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.certificatetransfer.adapter.ca.BouncyCastleCertificateIssuer")
    static final class IssuerConfiguration {

        /**
         * On the store's {@link AuthorityStore} (ours or the host's; with none, a host's own repository, memory),
         * read or created at the first issuing call, not at start: a host that runs our migrations itself, later in
         * its start, is not asked for the table before it exists.
         */
        @Bean
        @ConditionalOnMissingBean(CertificateIssuer.class)
        CertificateIssuer certificateTransferIssuer(
                ObjectProvider<AuthorityStore> authority, ObjectProvider<Clock> clock) {
            return BouncyCastleCertificateIssuer.startOnFirstUse(
                    authority.getIfUnique(InMemoryAuthorityStore::new), clock.getIfUnique(Clock::systemUTC));
        }
    }

    /** The bean that says our migrations have run: beans that need the tables ask for it first. */
    static final class Migrated {}
}
