package dev.flowstage.core;

import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.TokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps link tokens in memory, for one process and for tests. Thread-safe; consumption is atomic. */
public final class InMemoryTokenStore implements TokenStore {
    private final Map<String, StoredToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void insert(StoredToken token) {
        if (tokens.putIfAbsent(token.hash(), token) != null) {
            throw new IllegalStateException("a token with the same hash exists");
        }
    }

    @Override
    public Optional<StoredToken> find(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public boolean consume(String hash, Instant now) {
        boolean[] consumed = {false};
        tokens.computeIfPresent(hash, (key, token) -> {
            if (token.used()) {
                return token;
            }
            consumed[0] = true;
            return token.markUsed(now);
        });
        return consumed[0];
    }

    @Override
    public int deleteExpired(Instant now) {
        int before = tokens.size();
        tokens.values().removeIf(token -> token.expiresAt().isBefore(now));
        return before - tokens.size();
    }
}
