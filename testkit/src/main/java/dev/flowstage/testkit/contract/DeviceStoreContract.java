package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.spi.DeviceStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DeviceStore}: round trips of every kind (nulls included), duplicate ids,
 * per-user listing oldest first, and optimistic replaces (also raced by several threads, which is
 * what keeps one-time codes single-use). Extend it and return a fresh, empty store from
 * {@link #store()}.
 */
public abstract class DeviceStoreContract {
    /** The instant the tests treat as now. */
    protected static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123Z");
    private DeviceStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract DeviceStore store();

    /** Returns how many threads race in the concurrency tests (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void insert_thenFind_roundTripsEveryFieldOfEveryKind() {
        int n = 0;
        for (DeviceKind kind : DeviceKind.values()) {
            AuthenticatorDevice device = new AuthenticatorDevice("device-" + kind.deviceClass(), "user-1", kind,
                    kind + " of alice", n % 2 == 0, NOW.plusSeconds(n), n % 2 == 0 ? NOW.plusSeconds(60 + n) : null, n,
                    Map.of("sealed_seed", "v1:abc", "codes", List.of("h1", "h2"), "digits", 6, "period", 30.0));
            store.insert(device);
            assertEquals(Optional.of(device), store.find(device.id()));
            n++;
        }
    }

    @Test
    void find_unknownId_isEmpty() {
        assertEquals(Optional.empty(), store.find("no-such-device"));
    }

    @Test
    void insert_existingId_throwsIllegalStateExceptionAndKeepsTheFirst() {
        AuthenticatorDevice first = device("d1", "user-1", NOW, 0);
        store.insert(first);
        assertThrows(IllegalStateException.class, () -> store.insert(device("d1", "user-2", NOW, 5)));
        assertEquals(Optional.of(first), store.find("d1"));
    }

    @Test
    void findByUser_returnsOnlyThatUsersDevices_oldestFirst() {
        store.insert(device("d-late", "user-1", NOW.plusSeconds(10), 0));
        store.insert(device("d-other", "user-2", NOW, 0));
        store.insert(device("d-early", "user-1", NOW.minusSeconds(10), 0));
        store.insert(device("d-now", "user-1", NOW, 0));
        assertEquals(List.of("d-early", "d-now", "d-late"),
                store.findByUser("user-1").stream().map(AuthenticatorDevice::id).toList());
        assertEquals(List.of(), store.findByUser("user-3"));
    }

    @Test
    void replace_storedVersion_replacesEveryFieldAndReturnsTrue() {
        AuthenticatorDevice stored = device("d1", "user-1", NOW, 0);
        store.insert(stored);
        AuthenticatorDevice next = stored.updated(Map.of("used_codes", List.of("h1")), NOW.plusSeconds(5)).confirm();
        assertTrue(store.replace(next, 0));
        assertEquals(Optional.of(next), store.find("d1"));
    }

    @Test
    void replace_staleVersion_returnsFalseAndChangesNothing() {
        AuthenticatorDevice stored = device("d1", "user-1", NOW, 3);
        store.insert(stored);
        assertFalse(store.replace(stored.updated(Map.of("x", 1), NOW), 2));
        assertEquals(Optional.of(stored), store.find("d1"));
    }

    @Test
    void replace_unknownDevice_returnsFalseAndStoresNothing() {
        assertFalse(store.replace(device("d1", "user-1", NOW, 1), 0));
        assertEquals(Optional.empty(), store.find("d1"));
    }

    @Test
    void replace_racedWithTheSameExpectedVersion_exactlyOneWins() {
        AuthenticatorDevice stored = device("d1", "user-1", NOW, 0);
        store.insert(stored);
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(),
                i -> () -> store.replace(stored.updated(Map.of("winner", i), NOW.plusSeconds(i)), 0));
        Race.assertNoFailures(outcomes);
        assertEquals(1, Race.count(outcomes, true), "replaces that won");
        int winner = outcomes.indexOf(new Race.Outcome<>(true, null));
        assertEquals(Map.of("winner", winner), store.find("d1").orElseThrow().data());
    }

    @Test
    void delete_removesTheDevice_andUnknownIdsAreANoOp() {
        store.insert(device("d1", "user-1", NOW, 0));
        store.insert(device("d2", "user-1", NOW, 0));
        store.delete("d1");
        store.delete("d1");
        store.delete("d9");
        assertEquals(Optional.empty(), store.find("d1"));
        assertEquals(List.of("d2"), store.findByUser("user-1").stream().map(AuthenticatorDevice::id).toList());
    }

    private static AuthenticatorDevice device(String id, String userId, Instant createdAt, long version) {
        return new AuthenticatorDevice(id, userId, DeviceKind.STATIC, "Recovery codes", true, createdAt, null, version,
                Map.of("codes", List.of("hash-1", "hash-2")));
    }
}
