package dev.flowstage.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A user's consent to an application (authentik's {@code UserConsent}): which permissions the user
 * granted, and until when. Written by the consent stage, one per user and application.
 *
 * <p>Immutable and thread-safe. The constructor copies {@code permissions}.
 *
 * @param userId the directory id of the user who consented, never blank
 * @param application the slug of the application consented to, never blank
 * @param permissions the ids of the granted permissions (possibly empty: consent to sign in only)
 * @param expires when the consent lapses, or null for a permanent consent
 */
public record UserConsent(String userId, String application, Set<String> permissions, Instant expires) {

    /**
     * Validates and copies the parts.
     *
     * @throws NullPointerException when {@code userId}, {@code application}, {@code permissions}
     *     or one of its elements is null
     * @throws IllegalArgumentException when {@code userId} or {@code application} is blank
     */
    public UserConsent {
        requireText(userId, "userId");
        requireText(application, "application");
        permissions = Set.copyOf(Objects.requireNonNull(permissions, "permissions"));
    }

    /** Returns a consent of {@code userId} to {@code application} for {@code permissions} that never lapses. */
    public static UserConsent permanent(String userId, String application, Set<String> permissions) {
        return new UserConsent(userId, application, permissions, null);
    }

    /** Returns whether the consent never lapses. */
    public boolean isPermanent() {
        return expires == null;
    }

    /** Returns when the consent lapses; empty for a permanent consent. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expires);
    }

    /** Returns whether the consent has lapsed at {@code now} (at or after {@code expires}); never for a permanent one. */
    public boolean expiredAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return expires != null && !now.isBefore(expires);
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException("user consent " + what + " must not be blank");
        }
    }
}
