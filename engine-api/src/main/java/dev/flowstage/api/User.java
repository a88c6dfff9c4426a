package dev.flowstage.api;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user as the host's user directory describes it.
 *
 * <p>Immutable. {@code passwordHash} is an encoded hash (PHC string such as
 * {@code $argon2id$v=19$...}) or null when the user has no usable password; {@link #toString()}
 * never prints it. Group names are compared exactly.
 *
 * @param id the directory's stable id, never blank
 * @param username the username, never blank
 * @param email the email address, or empty string
 * @param name the display name, or empty string
 * @param active whether the user may sign in
 * @param superuser whether the user satisfies {@code require_superuser}
 * @param groups the names of the groups the user belongs to
 * @param passwordHash the encoded password hash, or null
 * @param attributes free-form JSON-like attributes
 */
public record User(
        String id,
        String username,
        String email,
        String name,
        boolean active,
        boolean superuser,
        Set<String> groups,
        String passwordHash,
        Map<String, Object> attributes) {

    /** Validates and copies the parts. */
    public User {
        requireText(id, "id");
        requireText(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
        attributes = JsonValues.copyObject(Objects.requireNonNull(attributes, "attributes"), "user attribute");
    }

    /** Returns an active, non-superuser user with no groups, password or attributes. */
    public static User of(String id, String username, String email) {
        return new User(id, username, email, "", true, false, Set.of(), null, Map.of());
    }

    /** Returns whether the user belongs to group {@code group}. */
    public boolean isMemberOf(String group) {
        return groups.contains(group);
    }

    /** Returns this user with {@code hash} as the encoded password hash. */
    public User withPasswordHash(String hash) {
        return new User(id, username, email, name, active, superuser, groups, hash, attributes);
    }

    /** Returns this user with group memberships {@code groups}. */
    public User withGroups(Set<String> groups) {
        return new User(id, username, email, name, active, superuser, groups, passwordHash, attributes);
    }

    /** Returns this user with the active flag set to {@code active}. */
    public User withActive(boolean active) {
        return new User(id, username, email, name, active, superuser, groups, passwordHash, attributes);
    }

    /** Returns this user with the superuser flag set to {@code superuser}. */
    public User withSuperuser(boolean superuser) {
        return new User(id, username, email, name, active, superuser, groups, passwordHash, attributes);
    }

    /** Returns a description without the password hash. */
    @Override
    public String toString() {
        return "User[id=" + id + ", username=" + username + ", active=" + active + ", superuser=" + superuser
                + ", groups=" + groups + ", passwordHash=" + (passwordHash == null ? "none" : "[redacted]") + "]";
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("user " + what + " must not be blank");
        }
    }
}
