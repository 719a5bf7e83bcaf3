/**
 * Storage of certificates on any JDBC database (H2 embedded, PostgreSQL in production): a
 * {@code CertificateRepository} with compare-and-set versions, an outbox for events and versioned migrations.
 * Built in the roadmap's second step; this module is a placeholder until then.
 */
package dev.certificatetransfer.adapter.jdbc;
