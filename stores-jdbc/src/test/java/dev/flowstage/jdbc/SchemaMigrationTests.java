package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of the schema migration against fresh databases of one kind. */
abstract class SchemaMigrationTests {
    private DataSource database;

    abstract DataSource freshDatabase();

    @BeforeEach
    void createDatabase() {
        database = freshDatabase();
    }

    @Test
    void create_freshDatabase_createsEveryTableAndRecordsTheVersion() throws SQLException {
        JdbcStores stores = JdbcStores.builder(database).clock(JdbcStoreContracts.CLOCK).build();
        assertThat(stores.schemaVersion()).isEqualTo(JdbcStores.latestSchemaVersion()).isEqualTo(1);
        for (String table : Tables.ALL) {
            assertThat(Tables.count(database, table)).as(table).isZero();
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, description, checksum, applied_at FROM "
                        + SchemaMigrator.TABLE)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("version")).isEqualTo(1);
            assertThat(rows.getString("description")).isEqualTo("init");
            assertThat(rows.getString("checksum")).hasSize(64);
            assertThat(Sql.instant(rows, "applied_at")).isEqualTo(JdbcStoreContracts.CLOCK.instant());
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void create_again_changesNothingAndKeepsTheData() {
        JdbcStores.create(database).users().put(User.of("1", "alice", ""));
        JdbcStores again = JdbcStores.create(database);
        assertThat(again.users().findByUsername("alice")).isPresent();
        assertThat(Tables.count(database, SchemaMigrator.TABLE)).isEqualTo(1);
    }

    @Test
    void create_afterAScriptStoppedHalfWay_runsItAgain() throws SQLException {
        // H2 commits DDL as it goes: a crash can leave some tables of a script without its version row
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            String first = new SchemaMigrator(database, JdbcStoreContracts.CLOCK).scripts().get(0).statements().get(0);
            statement.execute(first);
        }
        JdbcStores stores = JdbcStores.create(database);
        assertThat(stores.schemaVersion()).isEqualTo(1);
        assertThat(Tables.count(database, "flowstage_documents")).isZero();
    }

    @Test
    void create_newerSchema_isRefusedWithAClearMessage() throws SQLException {
        JdbcStores.create(database);
        execute("INSERT INTO " + SchemaMigrator.TABLE + " (version, description, checksum, applied_at)"
                + " VALUES (7, 'future', 'x', CURRENT_TIMESTAMP)");
        assertThatThrownBy(() -> JdbcStores.create(database)).isInstanceOf(JdbcStoreException.class)
                .hasMessage("schema: the database is at version 7, newer than version 1 of this Flowstage release;"
                        + " run a release that knows version 7 (downgrades are not supported)");
    }

    @Test
    void create_appliedScriptChanged_isRefused() throws SQLException {
        JdbcStores.create(database);
        execute("UPDATE " + SchemaMigrator.TABLE + " SET checksum = 'changed' WHERE version = 1");
        assertThatThrownBy(() -> JdbcStores.create(database)).isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("schema: script 1 (init) differs from the one applied to this database");
    }

    @Test
    void withoutMigration_freshDatabase_isRefused_andMigratedDatabaseIsAccepted() {
        assertThatThrownBy(() -> JdbcStores.builder(database).migrate(false).build())
                .isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("table flowstage_schema_version cannot be read")
                .hasMessageEndingWith("build the stores with migration enabled once to create the schema");
        JdbcStores.create(database);
        assertThat(JdbcStores.builder(database).migrate(false).build().schemaVersion()).isEqualTo(1);
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
