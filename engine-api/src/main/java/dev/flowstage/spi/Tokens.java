package dev.flowstage.spi;

import dev.flowstage.api.TokenException;
import java.time.Duration;
import java.util.Map;

/**
 * Issues and checks link tokens for the current stage: at least 128 random bits, stored only as a
 * SHA-256 hash, bound to the flow and the execution, expiring, and single-use.
 */
public interface Tokens {

    /**
     * Issues a token for {@code purpose} that resumes the current execution at the current stage,
     * valid for {@code ttl}; returns the raw token, which is shown or mailed once and never stored.
     */
    String issue(String purpose, Duration ttl, Map<String, Object> data);

    /**
     * Consumes {@code rawToken}, which must have been issued for {@code purpose} by the current
     * stage of the current execution; returns the stored token.
     *
     * @throws TokenException naming why the token cannot be used (unknown, expired, used, foreign)
     */
    StoredToken consume(String rawToken, String purpose);
}
