package dev.flowstage.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The store contracts and JDBC tests on an H2 file database opened by {@link JdbcStores#h2FileBuilder}. */
class H2FileStoresTest extends JdbcStoreContracts {
    @TempDir
    static Path dataDir;
    private static JdbcStores stores;
    private static int databases;

    @BeforeAll
    static void open() {
        stores = JdbcStores.h2FileBuilder(dataDir.resolve("shared")).clock(CLOCK).build();
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    @Override
    JdbcStores stores() {
        return stores;
    }

    @Override
    DataSource freshDatabase() {
        return TestDatabases.h2File(dataDir.resolve("fresh-" + ++databases));
    }

    @Override
    String product() {
        return "H2";
    }
}
