package dev.flowstage.spi;

import dev.flowstage.api.User;
import dev.flowstage.api.UserConflictException;
import dev.flowstage.api.UserDraft;

/**
 * A user directory that stages may write to (user_write, password change, email activation).
 * Each call is atomic: it stores the whole user or nothing, so a failure never leaves a
 * half-written user. Thread-safe.
 */
public interface UserStore extends UserDirectory {

    /**
     * Creates a user from {@code draft} and returns it with its new id.
     *
     * @throws UserConflictException when the username or email address is taken (ignoring case)
     */
    User create(UserDraft draft);

    /**
     * Replaces the stored user that has {@code user.id()} with {@code user}, all fields at once.
     *
     * @throws UserConflictException when the new username or email address belongs to another user
     * @throws IllegalArgumentException when no user has that id
     */
    User update(User user);
}
