package dev.certificatetransfer.adapter.jdbc;

import dev.certificatetransfer.domain.AccountId;
import dev.certificatetransfer.domain.AccountUsage;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an account owns (docs/behaviour.md#15-account-quotas), as one aggregate over the owner's range of the
 * {@code (owner, creation_date, id)} index: its cost grows with the certificates the account owns, not with the
 * table. Tombstones have no owner, so they never count. The PEM is ASCII, so its length in characters is its bytes.
 */
final class OwnedUsage {

    private final String sql;

    OwnedUsage(String table) {
        this.sql = "SELECT COUNT(*), COALESCE(SUM(LENGTH(pem)), 0) FROM " + table + " WHERE owner = ?";
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
