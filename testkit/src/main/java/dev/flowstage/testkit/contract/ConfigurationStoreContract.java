package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.core.blueprint.ConfigObject;
import dev.flowstage.core.blueprint.Configuration;
import dev.flowstage.core.blueprint.ConfigurationStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ConfigurationStore} (where applied blueprints live): an empty store loads
 * version 0, a replace round-trips every field type, a replace from a stale version changes nothing,
 * a version that does not follow is refused, and of racing replaces from one version (the empty
 * store's, or a stored one) exactly one wins. Extend it and return a fresh, empty store from {@link #store()}.
 */
public abstract class ConfigurationStoreContract {
    private ConfigurationStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract ConfigurationStore store();

    /** Returns how many threads race in the concurrency test (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void emptyStore_loadsTheEmptyConfiguration() {
        assertEquals(Configuration.empty(), store.load());
    }

    @Test
    void replace_thenLoad_roundTripsEveryFieldType() {
        Configuration next = configuration(1, "login");

        assertTrue(store.replace(0, next));

        assertEquals(next, store.load());
    }

    @Test
    void replace_fromAStaleVersion_changesNothing() {
        Configuration first = configuration(1, "first");
        store.replace(0, first);

        assertFalse(store.replace(0, configuration(1, "second")));

        assertEquals(first, store.load());
    }

    @Test
    void replace_followingVersions_keepsTheLast() {
        store.replace(0, configuration(1, "one"));
        Configuration two = configuration(2, "two");

        assertTrue(store.replace(1, two));

        assertEquals(two, store.load());
    }

    @Test
    void replace_withAVersionThatDoesNotFollow_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.replace(0, configuration(2, "skips")));
        assertEquals(Configuration.empty(), store.load());
    }

    @Test
    void racingReplaces_ofTheEmptyStore_haveExactlyOneWinner() {
        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(), i -> () -> store.replace(0, configuration(1, "racer-" + i)));

        long winners = outcomes.stream().filter(outcome -> Boolean.TRUE.equals(outcome.value())).count();
        assertEquals(0, outcomes.stream().filter(outcome -> outcome.failure() != null).count(), "failures");
        assertEquals(1, winners, "winners");
        String stored = (String) store.load().objects().get(0).field("slug");
        assertTrue(stored.startsWith("racer-"), stored);
    }

    @Test
    void racingReplaces_ofAStoredVersion_haveExactlyOneWinner() {
        store.replace(0, configuration(1, "first"));

        List<Race.Outcome<Boolean>> outcomes = Race.run(racers(), i -> () -> store.replace(1, configuration(2, "racer-" + i)));

        assertEquals(0, outcomes.stream().filter(outcome -> outcome.failure() != null).count(), "failures");
        assertEquals(1, outcomes.stream().filter(outcome -> Boolean.TRUE.equals(outcome.value())).count(), "winners");
        assertEquals(2, store.load().version());
    }

    private static Configuration configuration(long version, String slug) {
        return new Configuration(version, List.of(
                new ConfigObject("flow-" + slug, "authentik_flows.flow", Map.of("slug", slug, "title", "Welcome, ünïcødé ✓",
                        "order", 3L, "ratio", 1.5, "enabled", true, "list", List.of("a", 2L, false),
                        "nested", Map.of("k", List.of(Map.of("deep", "value"))))),
                new ConfigObject("stage-" + slug, "authentik_stages_dummy.dummystage", Map.of())));
    }
}
