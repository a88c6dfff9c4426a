package dev.flowstage.core.blueprint;

import dev.flowstage.core.internal.store.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link ConfigurationStore} in a directory: the configuration is the JSON file
 * {@code configuration.json}, replaced atomically (written to a temporary file, then moved over
 * it) under a file lock, so several processes (a host and the CLI) can share the directory. The
 * directory is created when missing; the file is readable by its owner only, as it holds resolved
 * values (an SMTP password given with {@code !Env} included). Thread-safe.
 */
public final class DirectoryConfigurationStore implements ConfigurationStore {
    /** The name of the file holding the configuration. */
    public static final String FILE_NAME = "configuration.json";
    private final Path directory;
    private final Path file;
    private final Path lock;

    /** Returns a store in {@code directory}. */
    public DirectoryConfigurationStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
        this.lock = this.directory.resolve(".configuration.lock");
    }

    /** Returns the directory. */
    public Path directory() {
        return directory;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException when the file exists but cannot be read
     * @throws IllegalStateException when the file is not a stored configuration
     */
    @Override
    public synchronized Configuration load() {
        if (!Files.exists(file)) {
            return Configuration.empty();
        }
        try {
            return Configuration.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block's duration, never read
    public synchronized boolean replace(long expectedVersion, Configuration next) {
        Objects.requireNonNull(next, "next").requireFollows(expectedVersion);
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                if (load().version() != expectedVersion) {
                    return false;
                }
                Path temporary = Files.createTempFile(directory, ".configuration", ".json", OwnerOnly.attributes(directory));
                Files.writeString(temporary, next.toJson(), StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
