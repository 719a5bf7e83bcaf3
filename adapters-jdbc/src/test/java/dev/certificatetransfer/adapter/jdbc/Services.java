package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.adapter.authorization.AllowAuthenticatedAuthorizer;
import dev.certificatetransfer.application.CertificateTransferService;
import dev.certificatetransfer.testing.TickingClock;

import javax.sql.DataSource;

/** The real service on the JDBC repository, for tests that drive whole operations. */
final class Services {

    private Services() {}

    static CertificateTransferService on(DataSource dataSource) {
        return on(dataSource, JdbcSchema.CONNECTION_DEFAULT);
    }

    static CertificateTransferService on(DataSource dataSource, JdbcSchema schema) {
        return CertificateTransferService.builder()
                .repository(new JdbcCertificateRepository(dataSource, schema))
                .authorizer(new AllowAuthenticatedAuthorizer())
                .clock(new TickingClock())
                .build();
    }
}
