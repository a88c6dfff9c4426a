package dev.flowstage.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Makes the data source of an H2 file database. Kept apart from {@link JdbcStores} so that hosts
 * on PostgreSQL can leave the H2 jar out: this class is only loaded by {@link JdbcStores#h2File}.
 */
final class H2Files {
    private H2Files() {}

    /** Returns a (non-pooled) data source of the H2 database whose files start with {@code base}. */
    static DataSource dataSource(Path base) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + base + JdbcStores.H2_OPTIONS);
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }
}
