package dev.certificatetransfer.adapter.jdbc;

import java.sql.SQLException;

/**
 * The database failed: an infrastructure failure, never a business answer (not "not found", not a lost race, not a
 * refusal). Carries the SQLSTATE of the failure, when the driver gave one, so a host can tell a broken connection
 * ({@code 08...}) from a serialization failure that outlived its retries ({@code 40001}).
 */
public final class JdbcRepositoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    JdbcRepositoryException(String message, SQLException cause) {
        super(message + " (SQLSTATE " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    /**
     * The SQLSTATE of the failure.
     *
     * @return the five-character SQLSTATE the driver reported, or {@code null} if it reported none
     */
    public String sqlState() {
        return sqlState;
    }
}
