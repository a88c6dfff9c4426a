package dev.flowstage.stages.testing;

import dev.flowstage.api.User;
import dev.flowstage.spi.UserDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A user directory in a map, matching usernames and emails case-insensitively as the SPI requires. */
public final class InMemoryUsers implements UserDirectory {
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
}
