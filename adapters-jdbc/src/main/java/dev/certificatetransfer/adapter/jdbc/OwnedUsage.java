package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an account owns (docs/behaviour.md#15-account-quotas), as one aggregate over the owner's range of the
 * {@code (owner, creation_date, id)} index joined to each certificate's content by id: its cost grows with the
 * certificates the account owns, not with the table. Tombstones have no owner, so they never count. The PEM is
 * ASCII, so its length in characters is its bytes.
 */
final class OwnedUsage {

    private final String sql;

    OwnedUsage(JdbcSchema schema) {
        this.sql = "SELECT COUNT(*), COALESCE(SUM(LENGTH(content.pem)), 0) FROM " + schema.qualify("certificate")
                + " c JOIN " + schema.qualify("certificate_content") + " content ON content.id = c.id"
                + " WHERE c.owner = ?";
    }

    AccountUsage of(Connection connection, AccountId owner) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, owner.value());
            try (var row = statement.executeQuery()) {
                row.next();
                return new AccountUsage(row.getLong(1), row.getLong(2));
            }
        }
    }
}
