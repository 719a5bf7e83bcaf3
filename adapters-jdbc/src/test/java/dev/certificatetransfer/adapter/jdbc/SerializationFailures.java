package dev.certificatetransfer.adapter.jdbc;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the serialization failures and deadlocks (SQLSTATE 40001, 40P01) the database raises through a data
 * source, so a test sees the repository's retries without the repository exposing them: each one counted was
 * either retried or surfaced as a {@link JdbcRepositoryException} with that SQLSTATE.
 */
final class SerializationFailures {

    /** Written out here rather than asking the adapter, so a test sees the adapter's own mistakes. */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final AtomicLong count = new AtomicLong();

    /** The data source, with every connection and statement it hands out counted. */
    DataSource counting(DataSource dataSource) {
        return proxy(dataSource, DataSource.class);
    }

    long count() {
        return count.get();
    }

    private <T> T proxy(T target, Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException failure && RETRYABLE.contains(failure.getSQLState())) {
                    count.incrementAndGet();
                }
                throw e.getCause();
            }
            return result == null ? null : wrapped(result, method.getReturnType());
        }));
    }

    private Object wrapped(Object result, Class<?> type) {
        if (type == Connection.class) {
            return proxy((Connection) result, Connection.class);
        }
        if (Statement.class.isAssignableFrom(type) && type.isInterface()) {
            return proxyOf(result, type.asSubclass(Statement.class));
        }
        return result;
    }

    private <S extends Statement> S proxyOf(Object statement, Class<S> type) {
        return proxy(type.cast(statement), type);
    }
}
