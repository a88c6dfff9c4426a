package dev.flowstage.jdbc;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.StoredExecution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps executions in table {@code flowstage_executions}. Thread-safe; {@link #replace} is one
 * {@code UPDATE ... WHERE id = ? AND version = ?}, so of two replaces with the same expected version
 * exactly one succeeds on any number of nodes. Instants are kept to the microsecond.
 */
public final class JdbcExecutionStore implements ExecutionStore {
    private static final String COLUMNS = "id, version, flow_slug, expires_at, data";
    private final Sql sql;

    JdbcExecutionStore(DataSource dataSource) {
        this.sql = new Sql(dataSource, "execution store");
    }

    @Override
    public Optional<StoredExecution> find(ExecutionId id) {
        Objects.requireNonNull(id, "id");
        return sql.autoCommit("find", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM flowstage_executions WHERE id = ?")) {
                select.setString(1, id.value());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<StoredExecution>empty();
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when an execution with the same id exists
     */
    @Override
    public void insert(StoredExecution execution) {
        Objects.requireNonNull(execution, "execution");
        try {
            sql.autoCommit("insert", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO flowstage_executions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
                    insert.setString(1, execution.id().value());
                    insert.setLong(2, execution.version());
                    insert.setString(3, execution.flowSlug());
                    Sql.setInstant(insert, 4, execution.expiresAt());
                    insert.setString(5, execution.data());
                    return insert.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("execution '" + execution.id() + "' already exists");
        }
    }

    @Override
    public boolean replace(StoredExecution execution, long expectedVersion) {
        Objects.requireNonNull(execution, "execution");
        return sql.autoCommit("replace", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE flowstage_executions"
                    + " SET version = ?, flow_slug = ?, expires_at = ?, data = ? WHERE id = ? AND version = ?")) {
                update.setLong(1, execution.version());
                update.setString(2, execution.flowSlug());
                Sql.setInstant(update, 3, execution.expiresAt());
                update.setString(4, execution.data());
                update.setString(5, execution.id().value());
                update.setLong(6, expectedVersion);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void delete(ExecutionId id) {
        Objects.requireNonNull(id, "id");
        sql.autoCommit("delete", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_executions WHERE id = ?")) {
                delete.setString(1, id.value());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return sql.autoCommit("deleteExpired", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM flowstage_executions WHERE expires_at < ?")) {
                Sql.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static StoredExecution read(ResultSet rows) throws java.sql.SQLException {
        return new StoredExecution(ExecutionId.of(rows.getString("id")), rows.getLong("version"),
                rows.getString("flow_slug"), Sql.instant(rows, "expires_at"), rows.getString("data"));
    }
}
