/**
 * certificate-transfer for Spring Boot: {@link CertificateTransferAutoConfiguration} builds the service over the
 * host's {@code DataSource} (or in memory), runs our migrations and publishes the committed events as Spring
 * application events; {@link CertificateTransferHealthAutoConfiguration} adds an Actuator health component;
 * {@link CertificateTransferMetricsAutoConfiguration} the metrics; {@link CertificateTransferHttpAutoConfiguration}
 * serves the HTTP API on the application's servlet web server; {@link CertificateTransferProperties} and
 * {@link CertificateTransferHttpProperties} are the {@code certificate-transfer.*} properties.
 */
package dev.certificatetransfer.adapter.springboot;
