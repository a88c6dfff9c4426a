package dev.flowstage.stages.testing;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.UserStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user store in a map, matching usernames and emails case-insensitively and keeping them unique
 * that way, as the SPI requires. Writes are atomic (synchronized); {@link #add} skips the checks.
 */
public final class InMemoryUsers implements UserStore {
    private final Map<String, User> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Adds or replaces {@code user} without checking uniqueness. */
    public InMemoryUsers add(User user) {
        byId.put(user.id(), user);
        return this;
    }

    /** Returns every user, ordered by id. */
    public List<User> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(User::id)).toList();
    }

    @Override
    public synchronized User create(UserDraft draft) {
        User user = draft.withId("u-new-" + ids.incrementAndGet());
        checkUnique(user);
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public synchronized User update(User user) {
        if (!byId.containsKey(user.id())) {
            throw new IllegalArgumentException("no user has id '" + user.id() + "'");
        }
        checkUnique(user);
        byId.put(user.id(), user);
        return user;
    }

    private void checkUnique(User user) {
        for (User other : byId.values()) {
            if (other.id().equals(user.id())) {
                continue;
            }
            if (other.username().equalsIgnoreCase(user.username())) {
                throw new UserConflictException("username", "username '" + user.username() + "' is already taken");
            }
            if (!user.email().isEmpty() && other.email().equalsIgnoreCase(user.email())) {
                throw new UserConflictException("email", "email address of '" + user.username() + "' is already taken");
            }
        }
    }

    @Override
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return byId.values().stream().filter(user -> user.username().equalsIgnoreCase(username)).findFirst();
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return byId.values().stream()
                .filter(user -> !user.email().isEmpty() && user.email().equalsIgnoreCase(email))
                .findFirst();
    }
}
