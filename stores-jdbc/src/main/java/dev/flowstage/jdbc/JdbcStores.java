package dev.flowstage.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Flowstage's stores in one database: executions, users and groups, link tokens, invitations,
 * authenticator devices, named documents and the applied blueprint configuration. Building it creates the schema or upgrades it to the
 * version of this release (see {@link Builder#migrate}).
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.create(pooledDataSource);           // PostgreSQL or H2
 * FlowEngine engine = FlowEngines.builder()
 *         .executionStore(stores.executions()).tokenStore(stores.tokens()).users(stores.users())
 *         .service(InvitationStore.class, stores.invitations())
 *         .service(DeviceStore.class, stores.devices())
 *         ...
 *         .build();
 * }</pre>
 *
 * <p>The same SQL runs on PostgreSQL (15 or newer; use it when several processes share the stores)
 * and on H2 in PostgreSQL mode ({@link #h2File} is the embedded default). Every operation borrows a
 * connection from the {@link DataSource} and returns it, so hosts should pass a pooled one
 * (HikariCP, Agroal, their application server's). Thread-safe.
 */
public final class JdbcStores implements AutoCloseable {
    /** The H2 URL options the SQL is written for; {@link #h2File} uses them. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private final DataSource dataSource;
    private final int schemaVersion;
    private final Connection keepOpen;
    private final JdbcExecutionStore executions;
    private final JdbcUserStore users;
    private final JdbcTokenStore tokens;
    private final JdbcInvitationStore invitations;
    private final JdbcDeviceStore devices;
    private final JdbcDocumentStore documents;
    private final JdbcConfigurationStore configuration;

    private JdbcStores(Builder builder, Connection keepOpen) {
        this.dataSource = builder.dataSource;
        this.keepOpen = keepOpen;
        SchemaMigrator migrator = new SchemaMigrator(dataSource, builder.clock);
        this.schemaVersion = builder.migrate ? migrator.migrate() : migrator.verify();
        SecureRandom random = builder.random != null ? builder.random : new SecureRandom();
        this.executions = new JdbcExecutionStore(dataSource);
        this.users = new JdbcUserStore(dataSource, builder.clock, random);
        this.tokens = new JdbcTokenStore(dataSource);
        this.invitations = new JdbcInvitationStore(dataSource);
        this.devices = new JdbcDeviceStore(dataSource);
        this.documents = new JdbcDocumentStore(dataSource, builder.clock);
        this.configuration = new JdbcConfigurationStore(documents);
    }

    /**
     * Returns the stores in {@code dataSource}, creating or upgrading the schema first.
     *
     * @throws JdbcStoreException when the database cannot be reached or its schema is newer than this release
     */
    public static JdbcStores create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** Returns a builder for stores in {@code dataSource}; not thread-safe. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Returns the stores in the H2 file database {@code <dataDir>/flowstage.mv.db}, creating the folder
     * and the database when missing; everything survives a restart. The database stays open until
     * {@link #close()}; only one process can open it at a time.
     *
     * @throws IllegalArgumentException when the path contains {@code ;}, which H2 URLs cannot hold
     * @throws JdbcStoreException when the database cannot be opened (for example, another process has it open)
     */
    public static JdbcStores h2File(Path dataDir) {
        return h2FileBuilder(dataDir).build();
    }

    /** Returns a builder for {@link #h2File} stores, to set a clock or a random source; not thread-safe. */
    public static Builder h2FileBuilder(Path dataDir) {
        Path dir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        if (dir.toString().contains(";")) {
            throw new IllegalArgumentException("H2 data folder '" + dir + "' must not contain ';'");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the H2 data folder " + dir, e);
        }
        Builder builder = builder(H2Files.dataSource(dir.resolve("flowstage")));
        builder.keepOpen = true;
        return builder;
    }

    /** Returns the execution store. */
    public JdbcExecutionStore executions() {
        return executions;
    }

    /** Returns the user store (users and their group memberships). */
    public JdbcUserStore users() {
        return users;
    }

    /** Returns the link token store. */
    public JdbcTokenStore tokens() {
        return tokens;
    }

    /** Returns the invitation store. */
    public JdbcInvitationStore invitations() {
        return invitations;
    }

    /** Returns the authenticator device store. */
    public JdbcDeviceStore devices() {
        return devices;
    }

    /** Returns the store of the applied blueprint configuration (a document of {@link #documents()}). */
    public JdbcConfigurationStore configuration() {
        return configuration;
    }

    /** Returns the store of named text documents (applied configuration, blueprints). */
    public JdbcDocumentStore documents() {
        return documents;
    }

    /** Returns the data source the stores use. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Returns the schema version of the database, which is the one this release creates. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Returns the schema version this release creates and upgrades to. */
    public static int latestSchemaVersion() {
        return SchemaMigrator.latestVersion();
    }

    /**
     * Closes the database of {@link #h2File} stores (the stores must not be used afterwards); for a
     * host's data source it does nothing, since the host owns it.
     */
    @Override
    public void close() {
        if (keepOpen == null) {
            return;
        }
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new JdbcStoreException("stores", "close", Sql.sqlState(e), "closing the H2 database failed (SQLState "
                    + Sql.sqlState(e) + ")", e);
        }
    }

    /** Builds {@link JdbcStores}; not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private boolean migrate = true;
        private boolean keepOpen;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /** Sets the clock that stamps users, documents and applied migrations (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the random source of new user ids (default: a new {@link SecureRandom}). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Sets whether {@link #build()} creates and upgrades the schema (the default) or only checks
         * that it is current, for databases whose schema an administrator upgrades with a privileged
         * account.
         */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Returns the stores, after migrating or checking the schema.
         *
         * @throws JdbcStoreException when the database cannot be reached, or its schema is newer than
         *     this release, was changed, or (without migration) is not current
         */
        public JdbcStores build() {
            Connection connection = keepOpen ? open() : null;
            try {
                return new JdbcStores(this, connection);
            } catch (RuntimeException e) {
                closeQuietly(connection, e);
                throw e;
            }
        }

        private Connection open() {
            try {
                return dataSource.getConnection();
            } catch (SQLException e) {
                String state = Sql.sqlState(e);
                String hint = e.getErrorCode() == 90020 ? "; another process has it open" : "";
                throw new JdbcStoreException("stores", "open", state, "cannot open the H2 database (SQLState " + state
                        + ", error " + e.getErrorCode() + ")" + hint, e);
            }
        }

        private static void closeQuietly(Connection connection, RuntimeException failure) {
            if (connection == null) {
                return;
            }
            try {
                connection.close();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
