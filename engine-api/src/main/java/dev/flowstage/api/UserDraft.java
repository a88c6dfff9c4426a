package dev.flowstage.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user to be created: everything but the id, which the store assigns. {@link #toString()} never
 * prints the password hash.
 *
 * @param username the username, never blank
 * @param email the email address, or empty string
 * @param name the display name, or empty string
 * @param active whether the user may sign in
 * @param groups the names of the groups the user belongs to
 * @param passwordHash the encoded password hash, or null
 * @param attributes free-form JSON-like attributes
 */
public record UserDraft(
        String username, String email, String name, boolean active, Set<String> groups, String passwordHash,
        Map<String, Object> attributes) {

    /** Validates and copies the parts. */
    public UserDraft {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("user username must not be blank");
        }
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(groups);
        attributes = JsonValues.copyObject(Objects.requireNonNull(attributes, "attributes"), "user attribute");
    }

    /** Returns the user this draft becomes with {@code id}. */
    public User withId(String id) {
        return new User(id, username, email, name, active, false, groups, passwordHash, attributes);
    }

    /** Returns a description without the password hash. */
    @Override
    public String toString() {
        return "UserDraft[username=" + username + ", active=" + active + ", groups=" + groups + "]";
    }
}
