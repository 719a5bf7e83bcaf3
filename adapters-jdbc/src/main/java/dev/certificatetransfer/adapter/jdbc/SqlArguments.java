package dev.certificatetransfer.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The parameters of one prepared statement, in order, each with its SQL type so that a NULL is typed too. */
final class SqlArguments {

    private final List<Object> values = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();

    SqlArguments text(String value) {
        values.add(value);
        types.add(Types.VARCHAR);
        return this;
    }

    SqlArguments number(Long value) {
        values.add(value);
        types.add(Types.BIGINT);
        return this;
    }

    SqlArguments number(long value) {
        return number(Long.valueOf(value));
    }

    /** An instant as epoch milliseconds; one finer than a millisecond would not round-trip, so it is refused. */
    SqlArguments time(Instant value) {
        if (value != null && !value.truncatedTo(ChronoUnit.MILLIS).equals(value)) {
            throw new IllegalArgumentException("the JDBC adapter stores times to the millisecond: " + value);
        }
        return number(value == null ? null : value.toEpochMilli());
    }

    SqlArguments name(Enum<?> value) {
        return text(value == null ? null : value.name());
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, types.get(i));
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
    }

    /** Runs the statement with these arguments; answers how many rows it changed. */
    int update(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            bind(statement);
            return statement.executeUpdate();
        }
    }

    /** Runs the query with these arguments; answers whether it found a row. */
    boolean exists(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            bind(statement);
            try (var rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
