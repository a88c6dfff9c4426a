package dev.flowstage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Empties the Flowstage tables between tests (the schema stays). */
final class Tables {
    static final List<String> ALL = List.of("flowstage_user_groups", "flowstage_users", "flowstage_executions",
            "flowstage_tokens", "flowstage_invitations", "flowstage_devices", "flowstage_documents");

    private Tables() {}

    static void clear(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : ALL) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot clear the tables", e);
        }
    }

    /** Returns the number of rows of {@code table}. */
    static int count(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count " + table, e);
        }
    }
}
