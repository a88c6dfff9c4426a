package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.spi.ExecutionStore;
import dev.flowstage.spi.StoredExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ExecutionStore}: round trips, duplicate inserts, optimistic replaces (also
 * raced by several threads), deletion and expiry. Extend it and return a fresh, empty store from
 * {@link #store()}.
 */
public abstract class ExecutionStoreContract {
    /** The instant the tests treat as now. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private ExecutionStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract ExecutionStore store();

    /** Returns how many threads race in the concurrency tests (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void find_unknownId_isEmpty() {
        assertEquals(Optional.empty(), store.find(id(1)));
    }

    @Test
    void insert_thenFind_roundTripsEveryField() {
        StoredExecution execution = execution(1, 0, "default-authentication-flow", NOW.plusSeconds(1800),
                "{\"fmt\":1,\"c\":{\"pending_user\":\"alice\"}}");
        store.insert(execution);
        assertEquals(Optional.of(execution), store.find(execution.id()));
    }

    @Test
    void insert_largeUnicodeData_roundTripsExactly() {
        String data = "{\"s\":\"" + "Grüße, 東京, 🙂, \\\"quoted\\\", back\\\\slash, tab\\t; ".repeat(1500) + "\"}";
        StoredExecution execution = execution(2, 7, "enrollment", NOW, data);
        store.insert(execution);
        assertEquals(data, store.find(execution.id()).orElseThrow().data());
    }

    @Test
    void insert_existingId_throwsIllegalStateExceptionAndKeepsTheFirst() {
        StoredExecution first = execution(1, 0, "login", NOW, "{\"n\":1}");
        store.insert(first);
        assertThrows(IllegalStateException.class, () -> store.insert(execution(1, 0, "other", NOW, "{\"n\":2}")));
        assertEquals(Optional.of(first), store.find(first.id()));
    }

    @Test
    void replace_storedVersion_replacesEveryFieldAndReturnsTrue() {
        store.insert(execution(1, 0, "login", NOW, "{\"s\":\"a\"}"));
        StoredExecution next = execution(1, 1, "login-v2", NOW.plusSeconds(60), "{\"s\":\"b\"}");
        assertTrue(store.replace(next, 0));
        assertEquals(Optional.of(next), store.find(next.id()));
    }

    @Test
    void replace_staleVersion_returnsFalseAndChangesNothing() {
        StoredExecution stored = execution(1, 3, "login", NOW, "{\"s\":\"a\"}");
        store.insert(stored);
        assertFalse(store.replace(execution(1, 3, "login", NOW, "{\"s\":\"b\"}"), 2));
        assertFalse(store.replace(execution(1, 5, "login", NOW, "{\"s\":\"b\"}"), 4));
        assertEquals(Optional.of(stored), store.find(stored.id()));
    }

    @Test
    void replace_unknownExecution_returnsFalseAndStoresNothing() {
        assertFalse(store.replace(execution(1, 1, "login", NOW, "{}"), 0));
        assertEquals(Optional.empty(), store.find(id(1)));
    }

    @Test
    void replace_racedWithTheSameExpectedVersion_exactlyOneWins() {
        store.insert(execution(1, 0, "login", NOW, "{\"winner\":-1}"));
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(),
                i -> () -> store.replace(execution(1, 1, "login", NOW, "{\"winner\":" + i + "}"), 0));
        Race.assertNoFailures(outcomes);
        assertEquals(1, Race.count(outcomes, true), "replaces that won");
        int winner = outcomes.indexOf(new Race.Outcome<>(true, null));
        assertEquals("{\"winner\":" + winner + "}", store.find(id(1)).orElseThrow().data());
    }

    @Test
    void replace_chainOfVersions_eachStepNeedsThePreviousVersion() {
        store.insert(execution(1, 0, "login", NOW, "{\"step\":0}"));
        for (int step = 1; step <= 5; step++) {
            assertTrue(store.replace(execution(1, step, "login", NOW, "{\"step\":" + step + "}"), step - 1));
            assertFalse(store.replace(execution(1, step + 1, "login", NOW, "{}"), step - 1));
        }
        assertEquals(5, store.find(id(1)).orElseThrow().version());
    }

    @Test
    void delete_removesTheExecution_andUnknownIdsAreANoOp() {
        store.insert(execution(1, 0, "login", NOW, "{}"));
        store.insert(execution(2, 0, "login", NOW, "{}"));
        store.delete(id(1));
        store.delete(id(1));
        store.delete(id(3));
        assertEquals(Optional.empty(), store.find(id(1)));
        assertTrue(store.find(id(2)).isPresent());
    }

    @Test
    void deleteExpired_removesOnlyExecutionsThatExpiredBeforeNow_andCountsThem() {
        store.insert(execution(1, 0, "login", NOW.minus(Duration.ofDays(1)), "{}"));
        store.insert(execution(2, 0, "login", NOW.minusMillis(1), "{}"));
        store.insert(execution(3, 0, "login", NOW, "{}"));
        store.insert(execution(4, 0, "login", NOW.plusSeconds(60), "{}"));
        assertEquals(2, store.deleteExpired(NOW));
        assertEquals(Optional.empty(), store.find(id(1)));
        assertEquals(Optional.empty(), store.find(id(2)));
        assertTrue(store.find(id(3)).isPresent(), "expiring exactly now is not expired before now");
        assertTrue(store.find(id(4)).isPresent());
        assertEquals(0, store.deleteExpired(NOW));
    }

    /** Returns a valid execution id numbered {@code n}. */
    protected static ExecutionId id(int n) {
        return ExecutionId.of(String.format("contract-execution-%04d", n));
    }

    private static StoredExecution execution(int n, long version, String flow, Instant expiresAt, String data) {
        return new StoredExecution(id(n), version, flow, expiresAt, data);
    }
}
