package dev.flowstage.jdbc;

import javax.sql.DataSource;

/** The store contracts and JDBC tests on an H2 in-memory database (PostgreSQL mode), one per class. */
class H2MemoryStoresTest extends JdbcStoreContracts {
    private static final JdbcStores STORES = JdbcStores.builder(TestDatabases.h2Memory()).clock(CLOCK).build();

    @Override
    JdbcStores stores() {
        return STORES;
    }

    @Override
    DataSource freshDatabase() {
        return TestDatabases.h2Memory();
    }

    @Override
    String product() {
        return "H2";
    }
}
