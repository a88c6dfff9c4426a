package dev.flowstage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates and upgrades the schema: applies the scripts {@code V<n>__<description>.sql} under
 * {@value #LOCATION} that the table {@value #TABLE} does not list yet, in order, each in its own
 * transaction together with its row in {@value #TABLE}. Refuses a database whose schema is newer
 * than the newest script, or whose applied scripts changed. Scripts are idempotent, so a run that a
 * crash or a racing node interrupted is simply repeated; a run that lost a race is retried.
 */
final class SchemaMigrator {
    static final String TABLE = "flowstage_schema_version";
    /** Not {@code db/migration}: a host's Flyway scans that folder (recursively) and would run these. */
    static final String LOCATION = "dev/flowstage/jdbc/migration/";
    /** The scripts in order; a test checks the list against the folder. */
    static final List<String> SCRIPTS = List.of("V1__init.sql");
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\r?\\n|$)");
    private static final int ATTEMPTS = 5;
    private static final Object LOCK = new Object();
    private final Sql sql;
    private final Clock clock;
    private final List<Script> scripts;

    /** One migration script. */
    record Script(int version, String description, List<String> statements, String checksum) {}

    SchemaMigrator(DataSource dataSource, Clock clock) {
        this.sql = new Sql(dataSource, "schema");
        this.clock = clock;
        this.scripts = load();
    }

    /** Returns the scripts, in order. */
    List<Script> scripts() {
        return scripts;
    }

    /** Returns the schema version this release creates. */
    static int latestVersion() {
        Matcher matcher = NAME.matcher(SCRIPTS.get(SCRIPTS.size() - 1));
        if (!matcher.matches()) {
            throw new AssertionError("bad script name " + SCRIPTS.get(SCRIPTS.size() - 1));
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Applies the missing scripts; returns the schema version, which is then {@link #latestVersion()}. */
    int migrate() {
        synchronized (LOCK) { // one migration at a time in this JVM; other nodes are handled by retrying
            return migrateRetrying();
        }
    }

    /** Migrates, retrying when a racing node (or, in tests, thread) got there first. */
    int migrateRetrying() {
        for (int attempt = 1; ; attempt++) {
            try {
                return sql.autoCommit("migrate", this::migrateOnce);
            } catch (JdbcStoreException e) {
                if (attempt == ATTEMPTS || !raced(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * Checks without changing anything that the schema is exactly {@link #latestVersion()}.
     *
     * @throws JdbcStoreException when it is older, newer, or was changed
     */
    int verify() {
        return sql.autoCommit("verify", connection -> {
            Map<Integer, String> applied;
            try {
                applied = applied(connection);
            } catch (SQLException e) {
                throw new JdbcStoreException("schema", "verify", Sql.sqlState(e), "schema: table " + TABLE
                        + " cannot be read (SQLState " + Sql.sqlState(e) + "); build the stores with migration"
                        + " enabled once to create the schema", e);
            }
            check(applied);
            if (applied.size() < scripts.size()) {
                throw new JdbcStoreException("schema", "verify", null, "schema: the database is at version "
                        + max(applied) + " but this release needs " + latestVersion()
                        + "; build the stores with migration enabled once to upgrade it", null);
            }
            return latestVersion();
        });
    }

    private int migrateOnce(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description VARCHAR(255) NOT NULL, checksum VARCHAR(64) NOT NULL,"
                    + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Map<Integer, String> applied = applied(connection);
        check(applied);
        for (Script script : scripts) {
            if (!applied.containsKey(script.version())) {
                apply(connection, script);
            }
        }
        return latestVersion();
    }

    private void apply(Connection connection, Script script) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
                PreparedStatement record = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            for (String text : script.statements()) {
                statement.execute(text);
            }
            record.setInt(1, script.version());
            record.setString(2, script.description());
            record.setString(3, script.checksum());
            Sql.setInstant(record, 4, clock.instant());
            record.executeUpdate();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static Map<Integer, String> applied(Connection connection) throws SQLException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + TABLE)) {
            while (rows.next()) {
                applied.put(rows.getInt("version"), rows.getString("checksum"));
            }
        }
        return applied;
    }

    private void check(Map<Integer, String> applied) {
        int newest = max(applied);
        if (newest > latestVersion()) {
            throw new JdbcStoreException("schema", "migrate", null, "schema: the database is at version " + newest
                    + ", newer than version " + latestVersion() + " of this Flowstage release; run a release that"
                    + " knows version " + newest + " (downgrades are not supported)", null);
        }
        for (Script script : scripts) {
            String checksum = applied.get(script.version());
            if (checksum != null && !checksum.equals(script.checksum())) {
                throw new JdbcStoreException("schema", "migrate", null, "schema: script " + script.version() + " ("
                        + script.description() + ") differs from the one applied to this database (checksum "
                        + checksum + ", expected " + script.checksum() + ")", null);
            }
        }
    }

    private static int max(Map<Integer, String> applied) {
        return applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private static boolean raced(JdbcStoreException e) {
        // what PostgreSQL answers the loser when nodes create the same objects at once (IF NOT EXISTS does not
        // guard against uncommitted twins): 23505 unique violation (the version row, or the catalog),
        // 42P07 duplicate table, 42710 duplicate object (the table's row type); 40xxx: deadlock or serialisation
        String state = e.sqlState().orElse("");
        return state.equals(Sql.UNIQUE_VIOLATION) || state.equals("42P07") || state.equals("42710") || state.startsWith("40");
    }

    private static List<Script> load() {
        List<Script> scripts = new ArrayList<>();
        for (String name : SCRIPTS) {
            Matcher matcher = NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("migration script name '" + name + "' is not V<n>__<description>.sql");
            }
            String text = resource(name).replace("\r\n", "\n");
            scripts.add(new Script(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '),
                    statements(text), sha256(text)));
        }
        return List.copyOf(scripts);
    }

    /** Returns the statements of {@code script}: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : STATEMENT_END.split(code)) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("migration script " + LOCATION + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration script " + LOCATION + name + " cannot be read", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
