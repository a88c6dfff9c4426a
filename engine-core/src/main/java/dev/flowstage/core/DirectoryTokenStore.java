package dev.flowstage.core;

import dev.flowstage.core.internal.store.OwnerOnly;
import dev.flowstage.core.internal.store.TokenJson;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.TokenStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps link tokens (hashes only) in the file {@code tokens.json} of a directory, so that a CLI
 * issuing recovery keys and a host serving them on one machine share them. Every change rewrites
 * the file atomically under a file lock; {@link #consume} is atomic across processes. For clusters
 * use a database store. Thread-safe.
 */
public final class DirectoryTokenStore implements TokenStore {
    /** The name of the file holding the tokens. */
    public static final String FILE_NAME = "tokens.json";
    private final Path directory;
    private final Path file;

    /** Returns a store in {@code directory}, created when missing. */
    public DirectoryTokenStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.file = this.directory.resolve(FILE_NAME);
    }

    @Override
    public void insert(StoredToken token) {
        update(tokens -> {
            if (tokens.putIfAbsent(token.hash(), token) != null) {
                throw new IllegalStateException("a token with the same hash exists");
            }
            return true;
        });
    }

    @Override
    public synchronized Optional<StoredToken> find(String hash) {
        return Optional.ofNullable(read().get(hash));
    }

    @Override
    public boolean consume(String hash, Instant now) {
        return update(tokens -> {
            StoredToken token = tokens.get(hash);
            if (token == null || token.used()) {
                return false;
            }
            tokens.put(hash, token.markUsed(now));
            return true;
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        int[] deleted = {0};
        update(tokens -> {
            int before = tokens.size();
            tokens.values().removeIf(token -> token.expiresAt().isBefore(now));
            deleted[0] = before - tokens.size();
            return deleted[0] > 0;
        });
        return deleted[0];
    }

    private Map<String, StoredToken> read() {
        try {
            return Files.exists(file) ? TokenJson.read(Files.readString(file, StandardCharsets.UTF_8)) : new java.util.LinkedHashMap<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Applies {@code change} to the tokens under the file lock; writes them back when it returns true. */
    @SuppressWarnings("try") // the lock is held for the block's duration, never read
    private synchronized boolean update(Function<Map<String, StoredToken>, Boolean> change) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(directory.resolve(".tokens.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = channel.lock()) {
                Map<String, StoredToken> tokens = read();
                boolean changed = change.apply(tokens);
                if (changed) {
                    Path temporary = Files.createTempFile(directory, ".tokens", ".json", OwnerOnly.attributes(directory));
                    Files.writeString(temporary, TokenJson.write(tokens), StandardCharsets.UTF_8);
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                return changed;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
