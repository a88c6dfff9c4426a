package dev.flowstage.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.UserStore;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link UserStore}: round trips of every field, case-insensitive lookups and
 * uniqueness of usernames and email addresses, whole-user updates, and creates racing on one
 * username. Extend it and return a fresh, empty store from {@link #store()}.
 */
public abstract class UserStoreContract {
    private UserStore store;

    /** Returns a new, empty store; called once before each test. */
    protected abstract UserStore store();

    /** Returns how many threads race in the concurrency tests (default 8). */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    final void createStore() {
        store = store();
    }

    @Test
    void create_assignsAnId_andRoundTripsEveryField() {
        UserDraft draft = new UserDraft("Alice", "Alice@Example.com", "Alice Liddell", true, Set.of("admins", "Team B"),
                "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", attributes());
        User created = store.create(draft);
        assertFalse(created.id().isBlank());
        assertEquals(draft.withId(created.id()), created);
        assertEquals(Optional.of(created), store.findById(created.id()));
        assertEquals(Optional.of(created), store.findByUsername("Alice"));
        assertEquals(Optional.of(created), store.findByEmail("Alice@Example.com"));
    }

    @Test
    void create_withoutPasswordEmailNameGroupsOrAttributes_roundTripsTheEmptyValues() {
        User created = store.create(new UserDraft("bob", "", "", false, Set.of(), null, Map.of()));
        User found = store.findById(created.id()).orElseThrow();
        assertEquals(created, found);
        assertEquals(null, found.passwordHash());
        assertEquals("", found.email());
        assertFalse(found.active());
    }

    @Test
    void create_twice_assignsDistinctIds() {
        assertNotEquals(store.create(draft("alice", "a@example.com")).id(), store.create(draft("bob", "b@example.com")).id());
    }

    @Test
    void find_unknownUser_isEmpty() {
        store.create(draft("alice", "alice@example.com"));
        assertEquals(Optional.empty(), store.findById("no-such-id"));
        assertEquals(Optional.empty(), store.findByUsername("bob"));
        assertEquals(Optional.empty(), store.findByEmail("bob@example.com"));
    }

    @Test
    void findByUsernameAndEmail_ignoreCase() {
        User alice = store.create(draft("Alice", "Alice@Example.com"));
        for (String username : List.of("alice", "ALICE", "aLiCe")) {
            assertEquals(Optional.of(alice), store.findByUsername(username), username);
        }
        for (String email : List.of("alice@example.com", "ALICE@EXAMPLE.COM")) {
            assertEquals(Optional.of(alice), store.findByEmail(email), email);
        }
    }

    @Test
    void findByEmail_empty_findsNobodyEvenWhenUsersHaveNoEmail() {
        store.create(draft("alice", ""));
        assertEquals(Optional.empty(), store.findByEmail(""));
    }

    @Test
    void create_usernameTakenIgnoringCase_throwsConflictOnUsername() {
        store.create(draft("alice", "alice@example.com"));
        UserConflictException e = assertThrows(UserConflictException.class,
                () -> store.create(draft("ALICE", "other@example.com")));
        assertEquals("username", e.field());
        assertEquals(Optional.empty(), store.findByEmail("other@example.com"));
    }

    @Test
    void create_emailTakenIgnoringCase_throwsConflictOnEmail() {
        store.create(draft("alice", "alice@example.com"));
        UserConflictException e = assertThrows(UserConflictException.class,
                () -> store.create(draft("bob", "ALICE@example.COM")));
        assertEquals("email", e.field());
        assertEquals(Optional.empty(), store.findByUsername("bob"));
    }

    @Test
    void create_severalUsersWithoutEmail_areAllStored() {
        User a = store.create(draft("a", ""));
        User b = store.create(draft("b", ""));
        assertEquals(Optional.of(a), store.findById(a.id()));
        assertEquals(Optional.of(b), store.findById(b.id()));
    }

    @Test
    void update_replacesEveryField() {
        User alice = store.create(new UserDraft("alice", "alice@example.com", "Alice", true, Set.of("a", "b"),
                "old-hash", Map.of("k", "v")));
        User changed = new User(alice.id(), "Alicia", "alicia@example.com", "Alicia L.", false, true, Set.of("b", "c"),
                null, attributes());
        assertEquals(changed, store.update(changed));
        assertEquals(Optional.of(changed), store.findById(alice.id()));
        assertEquals(Optional.of(changed), store.findByUsername("alicia"));
        assertEquals(Optional.empty(), store.findByUsername("alice"));
        assertEquals(Optional.empty(), store.findByEmail("alice@example.com"));
    }

    @Test
    void update_groupsToNone_removesEveryMembership() {
        User alice = store.create(new UserDraft("alice", "", "", true, Set.of("a", "b"), null, Map.of()));
        store.update(alice.withGroups(Set.of()));
        assertEquals(Set.of(), store.findById(alice.id()).orElseThrow().groups());
    }

    @Test
    void update_caseOfOwnUsernameAndEmail_isNoConflict() {
        User alice = store.create(draft("alice", "alice@example.com"));
        User renamed = new User(alice.id(), "ALICE", "Alice@Example.com", "", true, false, Set.of(), null, Map.of());
        assertEquals(renamed, store.update(renamed));
        assertEquals(Optional.of(renamed), store.findByUsername("alice"));
    }

    @Test
    void update_unknownId_throwsIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> store.update(User.of("no-such-id", "ghost", "")));
        assertEquals(Optional.empty(), store.findByUsername("ghost"));
    }

    @Test
    void update_toAnotherUsersUsernameOrEmail_throwsConflictAndChangesNothing() {
        User alice = store.create(draft("alice", "alice@example.com"));
        User bob = store.create(draft("bob", "bob@example.com"));
        UserConflictException username = assertThrows(UserConflictException.class,
                () -> store.update(new User(bob.id(), "Alice", "new@example.com", "", true, true, Set.of("x"), null, Map.of())));
        assertEquals("username", username.field());
        UserConflictException email = assertThrows(UserConflictException.class,
                () -> store.update(new User(bob.id(), "bobby", "ALICE@example.com", "", true, true, Set.of("x"), null, Map.of())));
        assertEquals("email", email.field());
        assertEquals(Optional.of(alice), store.findById(alice.id()));
        assertEquals(Optional.of(bob), store.findById(bob.id()));
    }

    @Test
    void create_racingOnOneUsername_exactlyOneSucceedsAndTheOthersConflict() {
        List<Race.Outcome<User>> outcomes = Race.run(racers(),
                i -> () -> store.create(draft(i % 2 == 0 ? "carol" : "CAROL", "carol" + i + "@example.com")));
        List<Race.Outcome<User>> created = outcomes.stream().filter(outcome -> outcome.failure() == null).toList();
        assertEquals(1, created.size(), "creates that succeeded");
        for (Race.Outcome<User> outcome : outcomes) {
            if (outcome.failure() != null) {
                UserConflictException e = assertInstanceOf(UserConflictException.class, outcome.failure());
                assertEquals("username", e.field());
            }
        }
        assertEquals(Optional.of(created.get(0).value()), store.findByUsername("carol"));
    }

    @Test
    void create_racingOnOneEmail_exactlyOneSucceeds() {
        List<Race.Outcome<User>> outcomes = Race.run(racers(), i -> () -> store.create(draft("dave" + i, "Dave@example.com")));
        assertEquals(1, outcomes.stream().filter(outcome -> outcome.failure() == null).count(), "creates that succeeded");
        outcomes.stream().filter(outcome -> outcome.failure() != null).forEach(outcome ->
                assertEquals("email", assertInstanceOf(UserConflictException.class, outcome.failure()).field()));
        assertTrue(store.findByEmail("dave@example.com").isPresent());
    }

    /** Returns JSON-like attributes with every kind of value a JSON column gives back. */
    protected static Map<String, Object> attributes() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", Arrays.asList("a", 1, 2.5, true, null));
        nested.put("empty", Map.of());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("goauthentik.io/user/sources", "ldap");
        attributes.put("count", 42);
        attributes.put("big", 10_000_000_000L);
        attributes.put("ratio", 0.75);
        attributes.put("flag", false);
        attributes.put("nothing", null);
        attributes.put("unicode", "Grüße 東京 🙂 \"quoted\"");
        attributes.put("nested", nested);
        return attributes;
    }

    private static UserDraft draft(String username, String email) {
        return new UserDraft(username, email, "", true, Set.of(), null, Map.of());
    }
}
