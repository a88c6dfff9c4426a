package dev.flowstage.spi;

import dev.flowstage.api.User;
import java.util.Optional;

/**
 * The host's users, as the engine reads them. Implementations must be thread-safe and must match
 * usernames and email addresses case-insensitively (so that {@code Alice} and {@code alice} are
 * one account); ids are matched exactly.
 */
public interface UserDirectory {

    /** Returns the user with {@code id}, if any. */
    Optional<User> findById(String id);

    /** Returns the user whose username equals {@code username} ignoring case, if any. */
    Optional<User> findByUsername(String username);

    /** Returns the user whose email address equals {@code email} ignoring case, if any. */
    Optional<User> findByEmail(String email);
}
