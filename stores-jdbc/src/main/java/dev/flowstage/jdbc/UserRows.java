package dev.flowstage.jdbc;

import dev.flowstage.api.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The SQL of {@link JdbcUserStore}: rows of {@code flowstage_users} and {@code flowstage_user_groups}. */
final class UserRows {
    private static final String SELECT = "SELECT u.id, u.username, u.email, u.name, u.active, u.superuser,"
            + " u.password_hash, u.attributes, g.group_name FROM flowstage_users u"
            + " LEFT JOIN flowstage_user_groups g ON g.user_id = u.id";
    private static final String FIELDS = "username = ?, username_lower = ?, email = ?, email_lower = ?, name = ?,"
            + " active = ?, superuser = ?, password_hash = ?, attributes = ?, updated_at = ?";

    private UserRows() {}

    /** Returns {@code value} in the lower case the unique indexes compare. */
    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** Returns the users whose {@code column} equals {@code value}, read in one statement with their groups. */
    static List<User> select(Connection connection, String column, String value) throws SQLException {
        String where = column == null ? "" : " WHERE u." + column + " = ?";
        try (PreparedStatement select = connection.prepareStatement(SELECT + where)) {
            if (column != null) {
                select.setString(1, value);
            }
            try (ResultSet rows = select.executeQuery()) {
                return read(rows);
            }
        }
    }

    /** Updates the row of {@code user.id()}; returns how many rows changed (0 or 1). */
    static int update(Connection connection, User user, String attributes, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE flowstage_users SET " + FIELDS + " WHERE id = ?")) {
            bind(update, user, attributes, now);
            update.setString(11, user.id());
            return update.executeUpdate();
        }
    }

    /** Inserts the row of {@code user}. */
    static void insert(Connection connection, User user, String attributes, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO flowstage_users (username, username_lower,"
                + " email, email_lower, name, active, superuser, password_hash, attributes, updated_at, id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, user, attributes, now);
            insert.setString(11, user.id());
            Sql.setInstant(insert, 12, now);
            insert.executeUpdate();
        }
    }

    /** Replaces the group memberships of {@code user} with {@code user.groups()}. */
    static void replaceGroups(Connection connection, User user) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_user_groups WHERE user_id = ?")) {
            delete.setString(1, user.id());
            delete.executeUpdate();
        }
        if (user.groups().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO flowstage_user_groups (user_id, group_name) VALUES (?, ?)")) {
            for (String group : new TreeSet<>(user.groups())) {
                insert.setString(1, user.id());
                insert.setString(2, group);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Deletes the user with {@code id} (its memberships cascade); returns how many rows went (0 or 1). */
    static int delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_users WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate();
        }
    }

    /** Returns which field of {@code user} another user holds ({@code username} first), if any. */
    static Optional<String> takenField(Connection connection, User user) throws SQLException {
        if (takenBy(connection, "username_lower", lower(user.username()), user.id())) {
            return Optional.of("username");
        }
        if (!user.email().isEmpty() && takenBy(connection, "email_lower", lower(user.email()), user.id())) {
            return Optional.of("email");
        }
        return Optional.empty();
    }

    private static boolean takenBy(Connection connection, String column, String value, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM flowstage_users WHERE " + column + " = ? AND id <> ?")) {
            select.setString(1, value);
            select.setString(2, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Binds the fields of {@code user} to parameters 1 to 10, in the order of {@link #FIELDS}. */
    private static void bind(PreparedStatement statement, User user, String attributes, Instant now) throws SQLException {
        statement.setString(1, user.username());
        statement.setString(2, lower(user.username()));
        statement.setString(3, user.email());
        statement.setString(4, user.email().isEmpty() ? null : lower(user.email()));
        statement.setString(5, user.name());
        statement.setBoolean(6, user.active());
        statement.setBoolean(7, user.superuser());
        statement.setString(8, user.passwordHash());
        statement.setString(9, attributes);
        Sql.setInstant(statement, 10, now);
    }

    /** Reads rows of any order: one per membership, or one with a null group for a user without any. */
    private static List<User> read(ResultSet rows) throws SQLException {
        Map<String, User> users = new LinkedHashMap<>();
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        while (rows.next()) {
            String id = rows.getString("id");
            if (!users.containsKey(id)) {
                users.put(id, new User(id, rows.getString("username"), rows.getString("email"), rows.getString("name"),
                        rows.getBoolean("active"), rows.getBoolean("superuser"), Set.of(), rows.getString("password_hash"),
                        Json.read(rows.getString("attributes"), "attributes of user '" + id + "'")));
                groups.put(id, new TreeSet<>());
            }
            String group = rows.getString("group_name");
            if (group != null) {
                groups.get(id).add(group);
            }
        }
        List<User> result = new ArrayList<>(users.size());
        users.forEach((id, user) -> result.add(user.withGroups(groups.get(id))));
        return result;
    }
}
