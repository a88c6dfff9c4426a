package dev.flowstage.testkit;

import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import dev.flowstage.api.UserDraft;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.UserStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory user store for tests that hashes passwords with the kit's (cheap) hasher.
 * Thread-safe; writes are atomic.
 */
public final class TestUsers implements UserStore {
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final PasswordHasher hasher;
    private final AtomicInteger ids = new AtomicInteger();

    /** Creates an empty directory hashing with {@code hasher}. */
    public TestUsers(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** Adds an active user {@code username} with {@code password} and email {@code <username>@example.com}. */
    public User add(String username, String password) {
        return add(username, password, Set.of());
    }

    /** Adds an active user in {@code groups}. */
    public User add(String username, String password, Set<String> groups) {
        User user = new User(String.valueOf(ids.incrementAndGet()), username, username + "@example.com", username, true,
                false, groups, hasher.hash(Secret.of(password)), Map.of());
        directory.put(user);
        return user;
    }

    /** Adds or replaces {@code user} as given. */
    public User put(User user) {
        directory.put(user);
        return user;
    }

    /** Returns the user named {@code username}; throws {@link IllegalArgumentException} when there is none. */
    public User get(String username) {
        return findByUsername(username).orElseThrow(() -> new IllegalArgumentException("no test user '" + username + "'"));
    }

    /** Removes the user with {@code id}; no-op when absent. */
    public void remove(String id) {
        directory.remove(id);
    }

    /** Returns whether {@code password} is {@code username}'s password. */
    public boolean passwordMatches(String username, String password) {
        String hash = get(username).passwordHash();
        return hash != null && hasher.verify(Secret.of(password), hash);
    }

    /** Returns every user, in no particular order. */
    public List<User> all() {
        return directory.all();
    }

    @Override
    public User create(UserDraft draft) {
        return directory.create(draft);
    }

    @Override
    public User update(User user) {
        return directory.update(user);
    }

    @Override
    public Optional<User> findById(String id) {
        return directory.findById(id);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return directory.findByUsername(username);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return directory.findByEmail(email);
    }
}
