package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.TokenException;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.Tokens;
import java.time.Duration;
import java.util.Map;

/** The {@link Tokens} of one stage call: issues tokens bound to its execution and stage, and consumes them. */
final class ExecutionTokens implements Tokens {
    private final EngineServices services;
    private final Execution execution;
    private final String stageName;
    private java.time.Instant latestExpiry;
    private boolean consumed;

    ExecutionTokens(EngineServices services, Execution execution, String stageName) {
        this.services = services;
        this.execution = execution;
        this.stageName = stageName;
    }

    @Override
    public String issue(String purpose, Duration ttl, Map<String, Object> data) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive, got " + ttl);
        }
        String raw = TokenHashes.newToken(services.random());
        java.time.Instant expiresAt = services.clock().instant().plus(ttl);
        if (latestExpiry == null || expiresAt.isAfter(latestExpiry)) {
            latestExpiry = expiresAt;
        }
        String userId = execution.context().get(ContextKeys.PENDING_USER).map(PendingUser::id).orElse("");
        services.tokens().insert(new StoredToken(TokenHashes.hash(raw), purpose, execution.flowSlug(), execution.id(),
                stageName, userId == null ? "" : userId, expiresAt, data, null));
        return raw;
    }

    @Override
    public StoredToken consume(String rawToken, String purpose) {
        StoredToken token = check(services, rawToken);
        if (!token.purpose().equals(purpose) || !execution.id().equals(token.executionId())
                || !token.stageName().equals(stageName)) {
            throw new TokenException(TokenException.Reason.FOREIGN);
        }
        if (!services.tokens().consume(token.hash(), services.clock().instant())) {
            throw new TokenException(TokenException.Reason.USED);
        }
        consumed = true;
        return token;
    }

    /** Returns whether a token was consumed through this instance. */
    boolean consumedAny() {
        return consumed;
    }

    /** Returns when the last token issued through this instance expires, or null. */
    java.time.Instant latestExpiry() {
        return latestExpiry;
    }

    /** Returns the stored token for {@code rawToken} if it exists and has not expired. */
    static StoredToken check(EngineServices services, String rawToken) {
        if (rawToken == null || rawToken.isEmpty() || rawToken.length() > 128) {
            throw new TokenException(TokenException.Reason.UNKNOWN);
        }
        StoredToken token = services.tokens().find(TokenHashes.hash(rawToken))
                .orElseThrow(() -> new TokenException(TokenException.Reason.UNKNOWN));
        if (!services.clock().instant().isBefore(token.expiresAt())) {
            throw new TokenException(TokenException.Reason.EXPIRED);
        }
        if (token.used()) {
            throw new TokenException(TokenException.Reason.USED);
        }
        return token;
    }
}
