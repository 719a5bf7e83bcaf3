package dev.certificatetransfer.examples.server;

import dev.certificatetransfer.adapter.jdbc.OutboxBacklog;
import dev.certificatetransfer.adapter.jdbc.OutboxRelay;
import dev.certificatetransfer.adapter.micrometer.MicrometerCertificateTransferUseCases;
import dev.certificatetransfer.adapter.micrometer.MicrometerServiceListener;
import dev.certificatetransfer.adapter.micrometer.OutboxBacklogMetrics;
import dev.certificatetransfer.application.ServiceListener;
import dev.certificatetransfer.port.in.CertificateTransferUseCases;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's metrics, in one Prometheus registry: every operation by outcome, lost races and writes that gave up,
 * expiry sweeps, the outbox's backlog with a database (adapters-micrometer), shown as Prometheus text at
 * {@code GET /metrics}. Unauthenticated, as a Prometheus scrape of a local test server expects: its labels are
 * operations and outcome codes, never an account or a certificate, and the server listens on 127.0.0.1 unless told
 * otherwise.
 */
final class ServerMetrics implements AutoCloseable {

    /** Where the text is served. */
    static final String PATH = "/metrics";

    /** Prometheus's text exposition format, version 0.0.4: what {@link PrometheusMeterRegistry#scrape()} writes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** For the service's builder: lost races, writes that gave up, expiry sweeps. */
    ServiceListener listener() {
        return new MicrometerServiceListener(registry);
    }

    /** The service, counted and timed per operation and outcome. */
    CertificateTransferUseCases metered(CertificateTransferUseCases service) {
        return new MicrometerCertificateTransferUseCases(service, registry);
    }

    /** Adds the outbox's backlog of a JDBC store: events not yet delivered, and the oldest one's age. */
    void bindOutbox(OutboxRelay relay) {
        OutboxBacklogMetrics.of(relay::backlog, OutboxBacklog::undelivered, OutboxBacklog::oldestAge)
                .bindTo(registry);
    }

    /** The metrics now, in Prometheus's text. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        registry.close();
    }
}
