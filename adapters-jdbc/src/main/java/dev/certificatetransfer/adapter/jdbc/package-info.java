/**
 * Storage of certificates on any JDBC database (H2 embedded, PostgreSQL in production): a
 * {@link dev.certificatetransfer.adapter.jdbc.JdbcCertificateRepository} with compare-and-set versions and an
 * outbox written in the same transaction (and, as the service's registry, things, policies and the certificates'
 * attachments to them), a {@link dev.certificatetransfer.adapter.jdbc.JdbcAuthorityStore} for the deployment's CA,
 * an {@link dev.certificatetransfer.adapter.jdbc.OutboxRelay} that delivers the outbox to an {@code EventPublisher}
 * (and reports its {@link dev.certificatetransfer.adapter.jdbc.OutboxBacklog} and deletes what it delivered long
 * ago), {@link dev.certificatetransfer.adapter.jdbc.JdbcMigrations}, the versioned tables applied with Flyway, in the
 * schema a {@link dev.certificatetransfer.adapter.jdbc.JdbcSchema} names, and a
 * {@link dev.certificatetransfer.adapter.jdbc.JdbcHealthCheck} for a host's health endpoint. How the adapter stores
 * times, texts and events is in docs/behaviour.md, section 9.
 *
 * <p>No method here accepts {@code null}, and none returns it except
 * {@link dev.certificatetransfer.adapter.jdbc.JdbcRepositoryException#sqlState()} when the driver gave no SQLSTATE.
 * A database failure is a {@link dev.certificatetransfer.adapter.jdbc.JdbcRepositoryException}, never a business
 * answer.
 */
package dev.certificatetransfer.adapter.jdbc;
