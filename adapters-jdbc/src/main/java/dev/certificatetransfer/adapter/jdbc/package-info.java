/**
 * Storage of certificates on any JDBC database (H2 embedded, PostgreSQL in production): a
 * {@link dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository} with compare-and-set versions and an
 * outbox written in the same transaction, an {@link dev.certificatetransfer.adapter.jdbc.OutboxRelay} that delivers
 * the outbox to an {@code EventPublisher}, and {@link dev.certificatetransfer.adapter.jdbc.JdbcMigrations}, the
 * versioned schema applied with Flyway.
 */
package dev.certificatetransfer.adapter.jdbc;
