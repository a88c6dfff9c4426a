package dev.flowstage.core;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.UserStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps users in memory, for one process and for tests. Thread-safe; writes are atomic. Usernames
 * and email addresses are matched case-insensitively and must be unique that way.
 */
public final class InMemoryUserDirectory implements UserStore {
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * Adds or replaces {@code user} (matched by id).
     *
     * @throws UserConflictException when another user has the same username or email ignoring case
     */
    public synchronized InMemoryUserDirectory put(User user) {
        checkUnique(user.id(), user.username(), user.email());
        byId.put(user.id(), user);
        return this;
    }

    @Override
    public synchronized User create(UserDraft draft) {
        String id;
        do {
            id = "u" + ids.incrementAndGet();
        } while (byId.containsKey(id));
        User user = draft.withId(id);
        put(user);
        return user;
    }

    @Override
    public synchronized User update(User user) {
        if (!byId.containsKey(user.id())) {
            throw new IllegalArgumentException("no user has id '" + user.id() + "'");
        }
        put(user);
        return user;
    }

    /** Returns the number of users. */
    public int size() {
        return byId.size();
    }

    /** Returns every user, in no particular order. */
    public java.util.List<User> all() {
        return java.util.List.copyOf(byId.values());
    }

    private void checkUnique(String id, String username, String email) {
        for (User other : byId.values()) {
            if (other.id().equals(id)) {
                continue;
            }
            if (other.username().equalsIgnoreCase(username)) {
                throw new UserConflictException("username", "username '" + username + "' is already taken");
            }
            if (!email.isEmpty() && other.email().equalsIgnoreCase(email)) {
                throw new UserConflictException("email", "email address of user '" + username + "' is already taken");
            }
        }
    }

    /** Removes the user with {@code id}; no-op when absent. */
    public void remove(String id) {
        byId.remove(id);
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        String wanted = username.toLowerCase(Locale.ROOT);
        return byId.values().stream().filter(user -> user.username().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        if (email.isEmpty()) {
            return Optional.empty();
        }
        return byId.values().stream().filter(user -> user.email().equalsIgnoreCase(email)).findFirst();
    }
}
