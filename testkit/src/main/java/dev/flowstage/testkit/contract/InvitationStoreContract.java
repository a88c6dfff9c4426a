package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.Invitation;
import dev.flowstage.spi.InvitationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link InvitationStore}: round trips (nulls included), saving over an existing
 * id, lookup by token hash, ordering, and consumption exactly once (also raced by several threads).
 * Extend it and return a fresh, empty store from {@link #store()}.
 */
public abstract class InvitationStoreContract {
    /** The instant the tests treat as now. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private InvitationStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract InvitationStore store();

    /** Returns how many threads race in the concurrency tests (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void save_thenFindByTokenHash_roundTripsEveryField() {
        Invitation invitation = new Invitation("inv-1", "spring-hires", hash(1), NOW.plusSeconds(86_400), true,
                Map.of("email", "new@example.com", "groups", List.of("staff"), "seats", 3), "default-enrollment-flow",
                "akadmin");
        store.save(invitation);
        assertEquals(Optional.of(invitation), store.findByTokenHash(hash(1)));
    }

    @Test
    void save_withoutExpiryFlowCreatorOrData_roundTripsTheEmptyValues() {
        Invitation invitation = new Invitation("inv-2", "open", hash(2), null, false, Map.of(), null, "");
        store.save(invitation);
        assertEquals(Optional.of(invitation), store.findByTokenHash(hash(2)));
        assertEquals(List.of(invitation), store.list());
    }

    @Test
    void save_existingId_replacesIt() {
        store.save(invitation("inv-1", "first", 1));
        Invitation replaced = new Invitation("inv-1", "second", hash(2), NOW, false, Map.of("k", "v"), "flow", "admin");
        store.save(replaced);
        assertEquals(List.of(replaced), store.list());
        assertEquals(Optional.empty(), store.findByTokenHash(hash(1)));
        assertEquals(Optional.of(replaced), store.findByTokenHash(hash(2)));
    }

    @Test
    void save_racedOnOneIdByManyThreads_leavesOneOfTheirInvitations() {
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(), i -> () -> {
            store.save(invitation("inv-1", "name-" + i, i));
            return true;
        });
        Race.assertNoFailures(outcomes);
        List<Invitation> stored = store.list();
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).name().startsWith("name-"));
    }

    @Test
    void findByTokenHash_unknownHash_isEmpty() {
        store.save(invitation("inv-1", "a", 1));
        assertEquals(Optional.empty(), store.findByTokenHash(hash(2)));
    }

    @Test
    void consume_existingInvitation_succeedsOnceAndRemovesIt() {
        store.save(invitation("inv-1", "a", 1));
        assertTrue(store.consume("inv-1"));
        assertFalse(store.consume("inv-1"));
        assertEquals(Optional.empty(), store.findByTokenHash(hash(1)));
        assertEquals(List.of(), store.list());
    }

    @Test
    void consume_unknownId_returnsFalse() {
        assertFalse(store.consume("no-such-invitation"));
    }

    @Test
    void consume_racedByManyThreads_exactlyOneSucceeds() {
        store.save(invitation("inv-1", "a", 1));
        store.save(invitation("inv-2", "b", 2));
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(), i -> () -> store.consume("inv-1"));
        Race.assertNoFailures(outcomes);
        assertEquals(1, Race.count(outcomes, true), "consumes that succeeded");
        assertEquals(List.of("inv-2"), store.list().stream().map(Invitation::id).toList());
    }

    @Test
    void list_isOrderedByName() {
        store.save(invitation("inv-1", "charlie", 1));
        store.save(invitation("inv-2", "delta-2", 2));
        store.save(invitation("inv-3", "alpha", 3));
        store.save(invitation("inv-4", "bravo", 4));
        store.save(invitation("inv-5", "delta-10", 5));
        assertEquals(List.of("alpha", "bravo", "charlie", "delta-10", "delta-2"),
                store.list().stream().map(Invitation::name).toList());
    }

    /** Returns a 64-hex-digit hash numbered {@code n}, shaped like a SHA-256. */
    protected static String hash(int n) {
        return String.format("%064x", n);
    }

    private static Invitation invitation(String id, String name, int hash) {
        return new Invitation(id, name, hash(hash), NOW.plusSeconds(3600), true, Map.of(), null, "");
    }
}
