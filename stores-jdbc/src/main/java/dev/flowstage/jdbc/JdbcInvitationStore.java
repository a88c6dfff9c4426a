package dev.flowstage.jdbc;

import dev.flowstage.api.Invitation;
import dev.flowstage.spi.InvitationStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps invitations in table {@code flowstage_invitations}. Thread-safe; {@link #consume} is one
 * {@code DELETE}, so exactly one caller consumes an invitation on any number of nodes, and
 * {@link #save} replaces or inserts atomically (update first, insert when there was nothing to
 * update, update again when a racing save inserted first).
 */
public final class JdbcInvitationStore implements InvitationStore {
    private static final String COLUMNS = "id, name, token_hash, expires, single_use, fixed_data, flow_slug, created_by";
    private static final int ATTEMPTS = 3;
    private final Sql sql;

    JdbcInvitationStore(DataSource dataSource) {
        this.sql = new Sql(dataSource, "invitation store");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the fixed data holds something other than plain JSON values
     */
    @Override
    public void save(Invitation invitation) {
        Objects.requireNonNull(invitation, "invitation");
        String fixedData = Json.write(invitation.fixedData(), "invitation fixed data");
        for (int attempt = 1; ; attempt++) {
            try {
                sql.autoCommit("save", connection -> update(connection, invitation, fixedData) == 1
                        || insert(connection, invitation, fixedData) == 1);
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return sql.autoCommit("findByTokenHash", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM flowstage_invitations WHERE token_hash = ? ORDER BY id FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, tokenHash);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<Invitation>empty();
                }
            }
        });
    }

    @Override
    public boolean consume(String id) {
        Objects.requireNonNull(id, "id");
        return sql.autoCommit("consume", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_invitations WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** {@inheritDoc} Names are compared as Java strings, whatever the database's collation. */
    @Override
    public List<Invitation> list() {
        List<Invitation> invitations = sql.autoCommit("list", connection -> {
            List<Invitation> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM flowstage_invitations");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows));
                }
            }
            return all;
        });
        invitations.sort(Comparator.comparing(Invitation::name).thenComparing(Invitation::id));
        return List.copyOf(invitations);
    }

    private static int update(Connection connection, Invitation invitation, String fixedData) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE flowstage_invitations SET name = ?,"
                + " token_hash = ?, expires = ?, single_use = ?, fixed_data = ?, flow_slug = ?, created_by = ? WHERE id = ?")) {
            bind(update, 1, invitation, fixedData);
            update.setString(8, invitation.id());
            return update.executeUpdate();
        }
    }

    private static int insert(Connection connection, Invitation invitation, String fixedData) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flowstage_invitations (name, token_hash,"
                + " expires, single_use, fixed_data, flow_slug, created_by, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, 1, invitation, fixedData);
            insert.setString(8, invitation.id());
            return insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int first, Invitation invitation, String fixedData)
            throws SQLException {
        statement.setString(first, invitation.name());
        statement.setString(first + 1, invitation.tokenHash());
        Sql.setInstant(statement, first + 2, invitation.expires());
        statement.setBoolean(first + 3, invitation.singleUse());
        statement.setString(first + 4, fixedData);
        statement.setString(first + 5, invitation.flowSlug());
        statement.setString(first + 6, invitation.createdBy());
    }

    private static Invitation read(ResultSet rows) throws SQLException {
        return new Invitation(rows.getString("id"), rows.getString("name"), rows.getString("token_hash"),
                Sql.instant(rows, "expires"), rows.getBoolean("single_use"),
                Json.read(rows.getString("fixed_data"), "invitation fixed data"), rows.getString("flow_slug"),
                rows.getString("created_by"));
    }
}
