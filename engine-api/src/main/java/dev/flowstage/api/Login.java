package dev.flowstage.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The session the host should create when a flow completes with a login.
 *
 * @param userId the id of the authenticated user
 * @param sessionDuration how long the session lasts; {@link Duration#ZERO} means "until the browser closes"
 * @param rememberMe whether the user asked to be remembered (the duration already includes the offset)
 * @param authMethod how the user authenticated ({@code password}, {@code auth_mfa}, ...), or empty string
 */
public record Login(String userId, Duration sessionDuration, boolean rememberMe, String authMethod) {
    /** Validates the parts. */
    public Login {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        Objects.requireNonNull(authMethod, "authMethod");
        if (sessionDuration.isNegative()) {
            throw new IllegalArgumentException("session duration must not be negative: " + sessionDuration);
        }
    }
}
