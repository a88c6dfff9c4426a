package dev.flowstage.jdbc;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;
import dev.flowstage.spi.UserStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Keeps users in table {@code flowstage_users} and their group memberships in
 * {@code flowstage_user_groups}. Thread-safe; every write is one transaction, so a user is stored
 * whole or not at all. Usernames and email addresses are unique ignoring case (unique indexes on
 * their lower-case forms, so racing creates on several nodes still leave one user); an empty email
 * address is not unique. New users get a random UUID as their id.
 */
public final class JdbcUserStore implements UserStore {
    private static final int ATTEMPTS = 3;
    private final Sql sql;
    private final Clock clock;
    private final SecureRandom random;

    JdbcUserStore(DataSource dataSource, Clock clock, SecureRandom random) {
        this.sql = new Sql(dataSource, "user store");
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Optional<User> findById(String id) {
        Objects.requireNonNull(id, "id");
        return findOne("findById", "id", id);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        Objects.requireNonNull(username, "username");
        return findOne("findByUsername", "username_lower", UserRows.lower(username));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        Objects.requireNonNull(email, "email");
        return email.isEmpty() ? Optional.empty() : findOne("findByEmail", "email_lower", UserRows.lower(email));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when a value does not fit its column or an attribute is not plain JSON
     */
    @Override
    public User create(UserDraft draft) {
        Objects.requireNonNull(draft, "draft");
        User user = draft.withId(newId());
        String attributes = Json.write(user.attributes(), "user attributes");
        return write("create", user, connection -> {
            Instant now = clock.instant();
            UserRows.insert(connection, user, attributes, now);
            UserRows.replaceGroups(connection, user);
            return user;
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when a value does not fit its column or an attribute is not plain JSON
     */
    @Override
    public User update(User user) {
        Objects.requireNonNull(user, "user");
        String attributes = Json.write(user.attributes(), "user attributes");
        return write("update", user, connection -> {
            if (UserRows.update(connection, user, attributes, clock.instant()) == 0) {
                throw new IllegalArgumentException("no user has id '" + user.id() + "'");
            }
            UserRows.replaceGroups(connection, user);
            return user;
        });
    }

    /**
     * Stores {@code user} under its own id: replaces the user with that id, or creates it. Hosts use
     * it to seed users with fixed ids (an administrator) and to import users.
     *
     * @throws UserConflictException when the username or email address belongs to another user
     * @throws IllegalArgumentException when a value does not fit its column or an attribute is not plain JSON
     */
    public User put(User user) {
        Objects.requireNonNull(user, "user");
        String attributes = Json.write(user.attributes(), "user attributes");
        return write("put", user, connection -> {
            Instant now = clock.instant();
            if (UserRows.update(connection, user, attributes, now) == 0) {
                UserRows.insert(connection, user, attributes, now);
            }
            UserRows.replaceGroups(connection, user);
            return user;
        });
    }

    /** Deletes the user with {@code id} and its group memberships; returns whether it existed. */
    public boolean delete(String id) {
        Objects.requireNonNull(id, "id");
        return sql.autoCommit("delete", connection -> UserRows.delete(connection, id) == 1);
    }

    /** Returns every user ordered by username (ignoring case, then by id). */
    public List<User> list() {
        List<User> users = new ArrayList<>(sql.autoCommit("list", connection -> UserRows.select(connection, null, null)));
        users.sort(Comparator.comparing((User user) -> UserRows.lower(user.username())).thenComparing(User::id));
        return List.copyOf(users);
    }

    private Optional<User> findOne(String operation, String column, String value) {
        return sql.autoCommit(operation, connection -> UserRows.select(connection, column, value)).stream().findFirst();
    }

    /**
     * Runs {@code work} in a transaction; a unique violation becomes a {@link UserConflictException}
     * naming the taken field, or is retried when no other user holds the fields any more (it lost a
     * race on the id, or the other user was deleted meanwhile).
     */
    private User write(String operation, User user, Sql.Work<User> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return sql.transaction(operation, work);
            } catch (DuplicateKeyException e) {
                Optional<String> field = sql.autoCommit(operation, connection -> UserRows.takenField(connection, user));
                if (field.isPresent()) {
                    throw conflict(operation, field.get(), user);
                }
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static UserConflictException conflict(String operation, String field, User user) {
        String message = field.equals("username")
                ? "user store " + operation + ": username '" + user.username() + "' is already taken"
                : "user store " + operation + ": email address of user '" + user.username() + "' is already taken";
        return new UserConflictException(field, message);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }
}
