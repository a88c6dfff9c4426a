package dev.flowstage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * Runs the JDBC work of one store: borrows a connection, runs statements in auto-commit mode or in
 * one transaction, converts instants, and turns SQL errors into typed exceptions that name the store
 * and the operation but never carry the values written.
 */
final class Sql {
    static final String UNIQUE_VIOLATION = "23505";
    private final DataSource dataSource;
    private final String store;

    /** Work on a borrowed connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    Sql(DataSource dataSource, String store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Runs {@code work} with auto-commit on, so that each statement is atomic on its own. */
    <T> T autoCommit(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean before = connection.getAutoCommit();
            if (!before) {
                connection.setAutoCommit(true); // a pool may hand out connections in manual-commit mode
            }
            try {
                return work.run(connection);
            } finally {
                if (!before) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean before = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(before);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Returns the exception for {@code e}: {@link DuplicateKeyException} for a unique violation,
     * {@link IllegalArgumentException} for a value that does not fit its column (SQLState class 22),
     * else {@link JdbcStoreException}.
     */
    RuntimeException failure(String operation, SQLException e) {
        String state = sqlState(e);
        String where = store + " " + operation;
        if (UNIQUE_VIOLATION.equals(state)) {
            return new DuplicateKeyException(store, operation);
        }
        if (state.startsWith("22")) {
            return new IllegalArgumentException(where + ": a value is too long or malformed for its column (SQLState "
                    + state + ")");
        }
        // data and constraint errors quote the values in their messages: never attach those
        Throwable cause = state.startsWith("23") ? null : e;
        return new JdbcStoreException(store, operation, state, where + " failed (SQLState " + state + ", error "
                + e.getErrorCode() + ")", cause);
    }

    /** Returns the SQLState of {@code e} or of the first chained exception that has one, else {@code "HY000"}. */
    static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
        }
        return e.getCause() instanceof SQLException cause ? sqlState(cause) : "HY000";
    }

    /** Sets parameter {@code index} to {@code instant} (microsecond precision) or SQL NULL. */
    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
        }
    }

    /** Returns the instant in {@code column}, or null. */
    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Returns {@code instant} truncated to what the database keeps (microseconds). */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
