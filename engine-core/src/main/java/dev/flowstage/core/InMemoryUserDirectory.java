package dev.flowstage.core;

import dev.flowstage.api.User;
import dev.flowstage.spi.UserDirectory;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps users in memory, for one process and for tests. Thread-safe. Usernames and email
 * addresses are matched case-insensitively and must be unique that way.
 */
public final class InMemoryUserDirectory implements UserDirectory {
    private final Map<String, User> byId = new ConcurrentHashMap<>();

    /**
     * Adds or replaces {@code user} (matched by id).
     *
     * @throws IllegalArgumentException when another user has the same username or email ignoring case
     */
    public synchronized InMemoryUserDirectory put(User user) {
        for (User other : byId.values()) {
            if (other.id().equals(user.id())) {
                continue;
            }
            if (other.username().equalsIgnoreCase(user.username())) {
                throw new IllegalArgumentException("username '" + user.username() + "' is already taken");
            }
            if (!user.email().isEmpty() && other.email().equalsIgnoreCase(user.email())) {
                throw new IllegalArgumentException("email address of user '" + user.username() + "' is already taken");
            }
        }
        byId.put(user.id(), user);
        return this;
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
