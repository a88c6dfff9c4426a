package dev.flowstage.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Persists link tokens by hash. Thread-safe; {@link #consume} is atomic, so a token is consumed at
 * most once even when two requests race.
 */
public interface TokenStore {

    /** Stores {@code token}. */
    void insert(StoredToken token);

    /** Returns the token with {@code hash}, if stored (used tokens are kept, marked, until they expire). */
    Optional<StoredToken> find(String hash);

    /**
     * Marks the unused token with {@code hash} as used at {@code now}; returns true for exactly one
     * caller, false when it is unknown or already used.
     */
    boolean consume(String hash, Instant now);

    /** Deletes tokens that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
