package dev.flowstage.stages.testing;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.TokenException;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Link tokens for unit tests, bound to one execution and stage like the engine's: raw tokens are kept
 * (in the clear, unlike the engine) so tests can look at what was issued. Not thread-safe.
 */
public final class TestTokens implements Tokens {
    private final Map<String, StoredToken> byRaw = new HashMap<>();
    private final List<String> issued = new ArrayList<>();
    private final Supplier<Instant> clock;
    private final Random random;
    private final ExecutionId execution;
    private final String stageName;
    private final Supplier<String> userId;

    /**
     * Creates tokens for {@code stageName} of {@code execution}, reading the time from {@code clock} and
     * the pending user's id ("" for none) from {@code userId} when a token is issued.
     */
    public TestTokens(Supplier<Instant> clock, Random random, ExecutionId execution, String stageName,
            Supplier<String> userId) {
        this.clock = clock;
        this.random = random;
        this.execution = execution;
        this.stageName = stageName;
        this.userId = userId;
    }

    /** Returns the raw tokens issued so far, oldest first. */
    public List<String> issued() {
        return issued;
    }

    /** Returns the stored form of the issued token {@code raw}, without consuming it. */
    public StoredToken peek(String raw) {
        return byRaw.get(raw);
    }

    @Override
    public String issue(String purpose, Duration ttl, Map<String, Object> data) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byRaw.put(raw, new StoredToken("hash-of-" + raw, purpose, "test-flow", execution, stageName, userId.get(),
                clock.get().plus(ttl), data, null));
        issued.add(raw);
        return raw;
    }

    @Override
    public StoredToken consume(String rawToken, String purpose) {
        StoredToken token = byRaw.get(rawToken);
        if (token == null) {
            throw new TokenException(TokenException.Reason.UNKNOWN);
        }
        if (!clock.get().isBefore(token.expiresAt())) {
            throw new TokenException(TokenException.Reason.EXPIRED);
        }
        if (token.used()) {
            throw new TokenException(TokenException.Reason.USED);
        }
        if (!token.purpose().equals(purpose)) {
            throw new TokenException(TokenException.Reason.FOREIGN);
        }
        byRaw.put(rawToken, token.markUsed(clock.get()));
        return token;
    }
}
