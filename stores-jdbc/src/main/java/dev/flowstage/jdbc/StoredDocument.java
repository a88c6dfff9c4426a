package dev.flowstage.jdbc;

import java.time.Instant;
import java.util.Objects;

/**
 * A named text document as {@link JdbcDocumentStore} holds it. {@link #toString()} omits the
 * content, which may be large.
 *
 * @param name the document's name, such as {@code blueprints/configuration}
 * @param version 1 when created, incremented by every write
 * @param updatedAt when it was last written (microsecond precision)
 * @param content the text
 */
public record StoredDocument(String name, long version, Instant updatedAt, String content) {

    /** Validates the parts. */
    public StoredDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(content, "content");
        if (version < 1) {
            throw new IllegalArgumentException("document version must be at least 1, got " + version);
        }
    }

    /** Returns a description without the content. */
    @Override
    public String toString() {
        return "StoredDocument[name=" + name + ", version=" + version + ", updatedAt=" + updatedAt + ", "
                + content.length() + " chars]";
    }
}
