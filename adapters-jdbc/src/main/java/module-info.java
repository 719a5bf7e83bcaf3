/**
 * certificate-transfer's JDBC storage: {@code JdbcCertificateRepository} (also the registry of things, policies and
 * attachments) with its transactional outbox and {@code OutboxRelay}, {@code JdbcAuthorityStore} for the deployment's
 * CA, the Flyway migrations ({@code JdbcMigrations}) into the schema {@code JdbcSchema} names, and
 * {@code JdbcHealthCheck}, for H2 and PostgreSQL.
 */
module dev.certificatetransfer.jdbc {
    requires transitive dev.certificatetransfer.core;
    requires transitive java.sql;
    requires org.slf4j;
    requires flyway.core;

    exports dev.certificatetransfer.adapter.jdbc;
}
