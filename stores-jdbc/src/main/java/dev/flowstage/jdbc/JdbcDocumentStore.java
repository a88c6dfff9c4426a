package dev.flowstage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keeps named text documents (applied configuration, blueprints, exported state) in table
 * {@code flowstage_documents}, each with a version and the time it was last written. Thread-safe.
 * {@link #replace} is an optimistic write: of two writers holding the same version, exactly one
 * wins, on any number of nodes. Names are at most 255 characters; use prefixes such as
 * {@code blueprints/} to group them.
 */
public final class JdbcDocumentStore {
    private static final int MAX_ATTEMPTS = 100;
    private final Sql sql;
    private final Clock clock;

    JdbcDocumentStore(DataSource dataSource, Clock clock) {
        this.sql = new Sql(dataSource, "document store");
        this.clock = clock;
    }

    /** Returns the document {@code name}, if stored. */
    public Optional<StoredDocument> get(String name) {
        Objects.requireNonNull(name, "name");
        return sql.autoCommit("get", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, version, updated_at, content FROM flowstage_documents WHERE name = ?")) {
                select.setString(1, name);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(read(rows)) : Optional.<StoredDocument>empty();
                }
            }
        });
    }

    /** Returns the documents whose names start with {@code prefix} ({@code ""} for all), ordered by name. */
    public List<StoredDocument> list(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<StoredDocument> documents = sql.autoCommit("list", connection -> {
            List<StoredDocument> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT name, version, updated_at, content FROM flowstage_documents");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(read(rows));
                }
            }
            return all;
        });
        return documents.stream().filter(document -> document.name().startsWith(prefix))
                .sorted(Comparator.comparing(StoredDocument::name)).toList();
    }

    /**
     * Writes {@code content} as document {@code name} whatever its current version, creating it if
     * needed; returns what was stored.
     *
     * @throws JdbcStoreException when concurrent writers kept winning for 100 attempts
     */
    public StoredDocument put(String name, String content) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long current = get(name).map(StoredDocument::version).orElse(0L);
            Optional<StoredDocument> written = replace(name, content, current);
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new JdbcStoreException("document store", "put", null, "document store put: document '" + name
                + "' was changed concurrently " + MAX_ATTEMPTS + " times in a row", null);
    }

    /**
     * Writes {@code content} as document {@code name} if its stored version is {@code expectedVersion}
     * ({@code 0}: if it does not exist yet); returns what was stored, or empty (and changes nothing)
     * when the stored version differs.
     *
     * @throws IllegalArgumentException when {@code expectedVersion} is negative or the name is too long
     */
    public Optional<StoredDocument> replace(String name, String content, long expectedVersion) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected document version must not be negative, got " + expectedVersion);
        }
        StoredDocument next = new StoredDocument(name, expectedVersion + 1, Sql.micros(clock.instant()), content);
        try {
            boolean written = sql.autoCommit("replace", connection ->
                    expectedVersion == 0 ? insert(connection, next) : update(connection, next, expectedVersion));
            return written ? Optional.of(next) : Optional.empty();
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // created by someone else first
        }
    }

    /** Deletes document {@code name}; returns whether it existed. */
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        return sql.autoCommit("delete", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM flowstage_documents WHERE name = ?")) {
                delete.setString(1, name);
                return delete.executeUpdate() == 1;
            }
        });
    }

    private static boolean insert(java.sql.Connection connection, StoredDocument document) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO flowstage_documents (version, updated_at, content, name) VALUES (?, ?, ?, ?)")) {
            bind(insert, document);
            return insert.executeUpdate() == 1;
        }
    }

    private static boolean update(java.sql.Connection connection, StoredDocument document, long expectedVersion)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE flowstage_documents"
                + " SET version = ?, updated_at = ?, content = ? WHERE name = ? AND version = ?")) {
            bind(update, document);
            update.setLong(5, expectedVersion);
            return update.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement statement, StoredDocument document) throws SQLException {
        statement.setLong(1, document.version());
        Sql.setInstant(statement, 2, document.updatedAt());
        statement.setString(3, document.content());
        statement.setString(4, document.name());
    }

    private static StoredDocument read(ResultSet rows) throws SQLException {
        Instant updatedAt = Sql.instant(rows, "updated_at");
        return new StoredDocument(rows.getString("name"), rows.getLong("version"), updatedAt, rows.getString("content"));
    }
}
