package dev.flowstage.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The user an execution is about, as stored in the context under {@code pending_user}.
 *
 * <p>Identification stores the matched user; when {@code pretend_user_exists} hides that nobody
 * matched, it stores a pretend user whose {@code id} is null, so later stages treat it as unknown
 * without revealing that to the client.
 *
 * @param id the directory id, or null for a pretend user that does not exist
 * @param username the username (for a pretend user: what the client typed)
 * @param email the email address, or empty string
 */
public record PendingUser(String id, String username, String email) {
    /** Validates the parts. */
    public PendingUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
    }

    /** Returns the pending user for an existing directory user. */
    public static PendingUser of(User user) {
        return new PendingUser(user.id(), user.username(), user.email());
    }

    /** Returns a pretend user (no directory entry) for the identifier the client typed. */
    public static PendingUser pretend(String identifier) {
        return new PendingUser(null, identifier, identifier);
    }

    /** Returns whether this user exists in the directory. */
    public boolean exists() {
        return id != null;
    }

    /** Returns the directory id, when the user exists. */
    public Optional<String> existingId() {
        return Optional.ofNullable(id);
    }
}
