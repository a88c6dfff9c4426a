package dev.flowstage.jdbc;

import dev.flowstage.core.blueprint.Configuration;
import dev.flowstage.core.blueprint.ConfigurationStore;
import java.util.Objects;

/**
 * A {@link ConfigurationStore} in the database: the applied configuration is one JSON document of
 * {@link JdbcDocumentStore} whose version is the configuration's version, so a replace is one
 * conditional write and processes sharing the database (a host and the CLI, several nodes) never
 * lose each other's applies. Get it from {@link JdbcStores#configuration()}. Thread-safe.
 */
public final class JdbcConfigurationStore implements ConfigurationStore {
    /** The name of the document holding the configuration. */
    public static final String DOCUMENT = "blueprints/configuration";
    private final JdbcDocumentStore documents;

    JdbcConfigurationStore(JdbcDocumentStore documents) {
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the stored document is not a configuration, or its version
     *     disagrees with the document's
     * @throws JdbcStoreException when the database cannot be read
     */
    @Override
    public Configuration load() {
        return documents.get(DOCUMENT).map(document -> {
            Configuration configuration = Configuration.fromJson(document.content());
            if (configuration.version() != document.version()) {
                throw new IllegalStateException("document '" + DOCUMENT + "' is at version " + document.version()
                        + " but holds configuration version " + configuration.version());
            }
            return configuration;
        }).orElse(Configuration.empty());
    }

    /**
     * {@inheritDoc}
     *
     * @throws JdbcStoreException when the database cannot be written; nothing changed
     */
    @Override
    public boolean replace(long expectedVersion, Configuration next) {
        Objects.requireNonNull(next, "next").requireFollows(expectedVersion);
        return documents.replace(DOCUMENT, next.toJson(), expectedVersion).isPresent();
    }
}
