package dev.flowstage.jdbc;

import dev.flowstage.api.FlowException;
import java.util.Optional;

/**
 * Thrown when a JDBC store cannot do what it was asked: the database is unreachable, the schema is
 * newer than this release, a statement failed. The message names the store and the operation and
 * carries the SQLState; it never contains the values that were being written. The SQL exception is
 * attached as the cause only when its message cannot contain stored values (SQLState classes 22
 * and 23, data and constraint errors, are never attached).
 */
public class JdbcStoreException extends FlowException {
    private static final long serialVersionUID = 1L;
    private final String store;
    private final String operation;
    private final String sqlState;

    JdbcStoreException(String store, String operation, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
        this.operation = operation;
        this.sqlState = sqlState;
    }

    /** Returns the store that failed, such as {@code token store} or {@code schema}. */
    public String store() {
        return store;
    }

    /** Returns the operation that failed, such as {@code consume} or {@code migrate}. */
    public String operation() {
        return operation;
    }

    /** Returns the SQLState of the database error, if the failure came from the database. */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
