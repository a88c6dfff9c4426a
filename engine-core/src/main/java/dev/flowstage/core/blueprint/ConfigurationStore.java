package dev.flowstage.core.blueprint;

/**
 * Holds the applied configuration. Implementations are thread-safe and replace the whole
 * configuration atomically, so readers see the old or the new version, never a mix; a shared store
 * (a directory, or a database in a later release) lets several processes apply blueprints safely.
 */
public interface ConfigurationStore {

    /** Returns the current configuration; {@link Configuration#empty()} when nothing was applied. */
    Configuration load();

    /**
     * Replaces the configuration with {@code next} if the stored version is still
     * {@code expectedVersion}; returns false (and changes nothing) when another apply came first.
     *
     * @throws IllegalArgumentException when {@code next.version()} is not {@code expectedVersion + 1}
     * @throws java.io.UncheckedIOException when a persistent store cannot be written; nothing changed
     */
    boolean replace(long expectedVersion, Configuration next);
}
