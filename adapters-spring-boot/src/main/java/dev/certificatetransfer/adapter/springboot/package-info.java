/**
 * certificate-transfer for Spring Boot: {@link CertificateTransferAutoConfiguration} builds the service over the
 * host's {@code DataSource} (or in memory), runs our migrations and publishes the committed events as Spring
 * application events; {@link CertificateTransferHealthAutoConfiguration} adds an Actuator health component;
 * {@link CertificateTransferProperties} are the {@code certificate-transfer.*} properties.
 */
package dev.certificatetransfer.adapter.springboot;
