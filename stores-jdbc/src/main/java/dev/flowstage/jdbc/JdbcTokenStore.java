package dev.flowstage.jdbc;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.TokenStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps link tokens, by hash, in table {@code flowstage_tokens}. Thread-safe; {@link #consume} is
 * one {@code UPDATE ... WHERE hash = ? AND used_at IS NULL}, so exactly one caller consumes a token
 * on any number of nodes. Token data is stored as JSON and must be plain JSON values.
 */
public final class JdbcTokenStore implements TokenStore {
    private static final String COLUMNS = "hash, purpose, flow_slug, execution_id, stage_name, user_id, expires_at, data,"
            + " used_at";
    private final Sql sql;

    JdbcTokenStore(DataSource dataSource) {
        this.sql = new Sql(dataSource, "token store");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when a token with the same hash exists
     * @throws IllegalArgumentException when the data holds something other than plain JSON values
     */
    @Override
    public void insert(StoredToken token) {
        Objects.requireNonNull(token, "token");
        String data = Json.write(token.data(), "token data");
        try {
            sql.autoCommit("insert", connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO flowstage_tokens (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, token.hash());
                    insert.setString(2, token.purpose());
                    insert.setString(3, token.flowSlug());
                    insert.setString(4, token.executionId() == null ? null : token.executionId().value());
                    insert.setString(5, token.stageName());
                    insert.setString(6, token.userId());
                    Sql.setInstant(insert, 7, token.expiresAt());
                    insert.setString(8, data);
                    Sql.setInstant(insert, 9, token.usedAt());
                    return insert.executeUpdate();
                }
            });
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("a token with the same hash exists");
        }
    }

    @Override
    public Optional<StoredToken> find(String hash) {
        Objects.requireNonNull(hash, "hash");
        return sql.autoCommit("find", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM flowstage_tokens WHERE hash = ?")) {
                select.setString(1, hash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<StoredToken>empty();
                }
            }
        });
    }

    @Override
    public boolean consume(String hash, Instant now) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(now, "now");
        return sql.autoCommit("consume", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE flowstage_tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL")) {
                Sql.setInstant(update, 1, now);
                update.setString(2, hash);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return sql.autoCommit("deleteExpired", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_tokens WHERE expires_at < ?")) {
                Sql.setInstant(delete, 1, now);
                return delete.executeUpdate();
            }
        });
    }

    private static StoredToken read(ResultSet rows) throws SQLException {
        String execution = rows.getString("execution_id");
        return new StoredToken(rows.getString("hash"), rows.getString("purpose"), rows.getString("flow_slug"),
                execution == null ? null : ExecutionId.of(execution), rows.getString("stage_name"),
                rows.getString("user_id"), Sql.instant(rows, "expires_at"), Json.read(rows.getString("data"), "token data"),
                Sql.instant(rows, "used_at"));
    }
}
