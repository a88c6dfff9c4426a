package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.User;
import dev.flowstage.core.blueprint.Configuration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** Tests of {@link JdbcStores} itself: the H2 file default, unreachable databases, closing. */
class JdbcStoresTest {
    @TempDir
    Path dataDir;

    @Test
    void configurationDocument_whoseVersionDisagreesWithItsContent_isRefusedByName() {
        try (JdbcStores stores = JdbcStores.h2File(dataDir.resolve("data"))) {
            stores.configuration().replace(0, new Configuration(1, List.of()));
            stores.documents().put(JdbcConfigurationStore.DOCUMENT, stores.documents()
                    .get(JdbcConfigurationStore.DOCUMENT).orElseThrow().content()); // document version 2, content version 1

            assertThatThrownBy(() -> stores.configuration().load()).isInstanceOf(IllegalStateException.class)
                    .hasMessage("document 'blueprints/configuration' is at version 2 but holds configuration version 1");
        }
    }

    @Test
    void h2File_reopened_keepsEverything() {
        try (JdbcStores stores = JdbcStores.h2File(dataDir.resolve("data"))) {
            stores.users().put(User.of("1", "alice", "alice@example.com"));
            stores.documents().put("configuration", "{}");
        }
        try (JdbcStores stores = JdbcStores.h2File(dataDir.resolve("data"))) {
            assertThat(stores.users().findByEmail("ALICE@example.com")).isPresent();
            assertThat(stores.documents().get("configuration")).isPresent();
            assertThat(stores.schemaVersion()).isEqualTo(1);
        }
        assertThat(dataDir.resolve("data/flowstage.mv.db")).exists();
    }

    @Test
    void h2File_pathWithSemicolon_isRefused() {
        assertThatThrownBy(() -> JdbcStores.h2File(dataDir.resolve("a;b"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("must not contain ';'");
    }

    @Test
    void create_unreachableDatabase_failsNamingTheSchemaAndTheSqlState() {
        assertThatThrownBy(() -> JdbcStores.create(unreachable())).isInstanceOf(JdbcStoreException.class)
                .hasMessageStartingWith("schema migrate failed (SQLState 08")
                .satisfies(e -> {
                    JdbcStoreException failure = (JdbcStoreException) e;
                    assertThat(failure.store()).isEqualTo("schema");
                    assertThat(failure.operation()).isEqualTo("migrate");
                    assertThat(failure.sqlState()).hasValueSatisfying(state -> assertThat(state).startsWith("08"));
                });
    }

    @Test
    void operation_onADatabaseThatWentAway_failsNamingTheStoreAndOperation() {
        JdbcStores stores = JdbcStores.create(TestDatabases.h2Memory());
        JdbcExecutionStore executions = new JdbcExecutionStore(unreachable());
        assertThatThrownBy(() -> executions.find(ExecutionId.of("some-execution-0001")))
                .isInstanceOf(JdbcStoreException.class).hasMessageStartingWith("execution store find failed (SQLState 08");
        assertThat(stores.executions().find(ExecutionId.of("some-execution-0001"))).isEmpty();
    }

    @Test
    void close_ofStoresOnAHostDataSource_leavesItUsable() {
        JdbcStores stores = JdbcStores.create(TestDatabases.h2Memory());
        stores.close();
        assertThat(stores.documents().list("")).isEmpty();
    }

    private static PGSimpleDataSource unreachable() {
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {"127.0.0.1"});
        pg.setPortNumbers(new int[] {1});
        pg.setDatabaseName("none");
        pg.setUser("nobody");
        pg.setConnectTimeout(5);
        return pg;
    }
}
