package dev.flowstage.spi;

import dev.flowstage.api.ExecutionId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A link token as the store holds it: only the SHA-256 of the raw token, never the token.
 *
 * @param hash hex SHA-256 of the raw token
 * @param purpose what the token is for, such as {@code email-verification}
 * @param flowSlug the flow the token is bound to
 * @param executionId the execution it resumes, or null for tokens that start a new execution
 * @param stageName the stage that issued it, or empty string
 * @param userId the user it was issued for, or empty string
 * @param expiresAt when it expires
 * @param data small JSON-like data the issuer attached
 * @param usedAt when it was consumed, or null while unused (used tokens are kept until they
 *     expire, so that a reused link gets "already used" rather than "not valid")
 */
public record StoredToken(
        String hash, String purpose, String flowSlug, ExecutionId executionId, String stageName, String userId,
        Instant expiresAt, Map<String, Object> data, Instant usedAt) {

    /** Validates and copies the parts. */
    public StoredToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(flowSlug, "flowSlug");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        data = Map.copyOf(data);
    }

    /** Returns whether the token was consumed. */
    public boolean used() {
        return usedAt != null;
    }

    /** Returns this token marked as used at {@code now}. */
    public StoredToken markUsed(Instant now) {
        return new StoredToken(hash, purpose, flowSlug, executionId, stageName, userId, expiresAt, data, now);
    }
}
