package dev.flowstage.stages.testing;

import dev.flowstage.api.User;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.UserStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A writable user directory in a map, matching usernames and emails case-insensitively as the SPI
 * requires. Uniqueness is not checked.
 */
public final class InMemoryUsers implements UserStore {
    private final Map<String, User> byId = new ConcurrentHashMap<>();

    /** Adds or replaces {@code user}. */
    public InMemoryUsers add(User user) {
        byId.put(user.id(), user);
        return this;
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

    @Override
    public User create(UserDraft draft) {
        User user = draft.withId("u-" + (byId.size() + 1));
        add(user);
        return user;
    }

    @Override
    public User update(User user) {
        if (!byId.containsKey(user.id())) {
            throw new IllegalArgumentException("no user has id '" + user.id() + "'");
        }
        add(user);
        return user;
    }
}
