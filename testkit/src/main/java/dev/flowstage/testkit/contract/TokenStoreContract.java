package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TokenStore}: round trips (nulls included), duplicate hashes, consumption
 * exactly once (also raced by several threads), and expiry. Extend it and return a fresh, empty
 * store from {@link #store()}.
 */
public abstract class TokenStoreContract {
    /** The instant the tests treat as now. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private TokenStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract TokenStore store();

    /** Returns how many threads race in the concurrency tests (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void insert_thenFind_roundTripsEveryField() {
        StoredToken token = new StoredToken(hash(1), "email-verification", "default-enrollment-flow",
                ExecutionId.of("contract-execution-0001"), "default-enrollment-email", "user-17", NOW.plusSeconds(1800),
                Map.of("header", "Confirm it", "n", 3, "nested", Map.of("list", List.of("a", 1.5, false))), null);
        store.insert(token);
        assertEquals(Optional.of(token), store.find(token.hash()));
    }

    @Test
    void insert_withoutExecutionStageUserOrData_roundTripsTheEmptyValues() {
        StoredToken token = new StoredToken(hash(2), "recovery", "default-recovery-flow", null, "", "", NOW, Map.of(), null);
        store.insert(token);
        assertEquals(Optional.of(token), store.find(token.hash()));
    }

    @Test
    void insert_usedToken_keepsWhenItWasUsed() {
        StoredToken token = new StoredToken(hash(3), "p", "f", null, "", "", NOW.plusSeconds(60), Map.of(), NOW);
        store.insert(token);
        assertEquals(Optional.of(token), store.find(token.hash()));
        assertFalse(store.consume(token.hash(), NOW));
    }

    @Test
    void insert_existingHash_throwsIllegalStateExceptionAndKeepsTheFirst() {
        StoredToken first = token(1, NOW.plusSeconds(60));
        store.insert(first);
        assertThrows(IllegalStateException.class, () -> store.insert(
                new StoredToken(hash(1), "other", "other", null, "", "", NOW, Map.of(), null)));
        assertEquals(Optional.of(first), store.find(hash(1)));
    }

    @Test
    void find_unknownHash_isEmpty() {
        assertEquals(Optional.empty(), store.find(hash(9)));
    }

    @Test
    void consume_unusedToken_succeedsOnce_andMarksItUsedAtNow() {
        StoredToken token = token(1, NOW.plusSeconds(60));
        store.insert(token);
        assertTrue(store.consume(token.hash(), NOW));
        assertFalse(store.consume(token.hash(), NOW.plusSeconds(1)));
        assertEquals(Optional.of(token.markUsed(NOW)), store.find(token.hash()));
    }

    @Test
    void consume_unknownHash_returnsFalseAndStoresNothing() {
        assertFalse(store.consume(hash(5), NOW));
        assertEquals(Optional.empty(), store.find(hash(5)));
    }

    @Test
    void consume_racedByManyThreads_exactlyOneSucceeds() {
        store.insert(token(1, NOW.plusSeconds(60)));
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(), i -> () -> store.consume(hash(1), NOW.plusMillis(i)));
        Race.assertNoFailures(outcomes);
        assertEquals(1, Race.count(outcomes, true), "consumes that succeeded");
        int winner = outcomes.indexOf(new Race.Outcome<>(true, null));
        assertEquals(NOW.plusMillis(winner), store.find(hash(1)).orElseThrow().usedAt());
    }

    @Test
    void consume_ofOneToken_leavesOthersUnused() {
        store.insert(token(1, NOW.plusSeconds(60)));
        store.insert(token(2, NOW.plusSeconds(60)));
        assertTrue(store.consume(hash(1), NOW));
        assertFalse(store.find(hash(2)).orElseThrow().used());
    }

    @Test
    void deleteExpired_removesOnlyTokensThatExpiredBeforeNow_usedOrNot_andCountsThem() {
        store.insert(token(1, NOW.minus(Duration.ofDays(2))));
        store.insert(token(2, NOW.minusMillis(1)));
        store.consume(hash(2), NOW.minusSeconds(10));
        store.insert(token(3, NOW));
        store.insert(token(4, NOW.plusSeconds(3600)));
        store.consume(hash(4), NOW);
        assertEquals(2, store.deleteExpired(NOW));
        assertEquals(Optional.empty(), store.find(hash(1)));
        assertEquals(Optional.empty(), store.find(hash(2)));
        assertTrue(store.find(hash(3)).isPresent(), "expiring exactly now is not expired before now");
        assertTrue(store.find(hash(4)).orElseThrow().used(), "used tokens are kept until they expire");
        assertEquals(0, store.deleteExpired(NOW));
    }

    /** Returns a 64-hex-digit hash numbered {@code n}, shaped like a SHA-256. */
    protected static String hash(int n) {
        return String.format("%064x", n);
    }

    private static StoredToken token(int n, Instant expiresAt) {
        return new StoredToken(hash(n), "email-verification", "flow", ExecutionId.of("contract-execution-0001"), "stage",
                "user", expiresAt, Map.of("header", "h"), null);
    }
}
