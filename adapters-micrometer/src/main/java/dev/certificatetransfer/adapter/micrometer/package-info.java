/**
 * Metrics of certificate-transfer in Micrometer, under the names of {@link
 * dev.certificatetransfer.adapter.micrometer.MeterNames}: a decorator of the inbound port
 * ({@link dev.certificatetransfer.adapter.micrometer.MicrometerCertificateTransferUseCases}), a listener for the
 * service's builder ({@link dev.certificatetransfer.adapter.micrometer.MicrometerServiceListener}) and a binder of
 * the outbox's backlog ({@link dev.certificatetransfer.adapter.micrometer.OutboxBacklogMetrics}). The host chooses
 * the registry (Prometheus, OTLP, JMX, ...).
 */
package dev.certificatetransfer.adapter.micrometer;
