/**
 * certificate-transfer's JDBC storage: {@code JdbcCertificateRepository} with its transactional outbox and
 * {@code OutboxRelay}, the Flyway migrations ({@code JdbcMigrations}) into the schema {@code JdbcSchema} names, and
 * {@code JdbcHealthCheck}, for H2 and PostgreSQL.
 */
module dev.certificatetransfer.jdbc {
    requires transitive dev.certificatetransfer.core;
    requires transitive java.sql;
    requires org.slf4j;
    requires flyway.core;

    exports dev.certificatetransfer.adapter.jdbc;
}
