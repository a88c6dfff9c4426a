package dev.flowstage.core.blueprint;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link ConfigurationStore} in memory, for one process and for tests. Thread-safe. */
public final class InMemoryConfigurationStore implements ConfigurationStore {
    private final AtomicReference<Configuration> current = new AtomicReference<>(Configuration.empty());

    @Override
    public Configuration load() {
        return current.get();
    }

    @Override
    public boolean replace(long expectedVersion, Configuration next) {
        Objects.requireNonNull(next, "next").requireFollows(expectedVersion);
        Configuration seen = current.get();
        return seen.version() == expectedVersion && current.compareAndSet(seen, next);
    }
}
