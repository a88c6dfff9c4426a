package dev.flowstage.core;

import dev.flowstage.core.internal.exec.TokenHashes;
import dev.flowstage.spi.StoredToken;
import dev.flowstage.spi.TokenStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues recovery keys, as authentik's {@code create_recovery_key}: one-time links that let a user
 * back in. A recovery key is a link token with purpose {@value #PURPOSE} and no execution; the
 * engine's {@link dev.flowstage.api.FlowEngine#resume} then starts the key's flow for the key's user
 * behind a confirmation (a GET of the link consumes nothing), the confirming POST consumes the
 * key, and the flow runs with {@code pending_user} set, the context value {@code recovery_key}
 * true and {@code auth_method} {@code recovery_key}. Give the flow a user_login stage (and, say, a password prompt and user_write) to let the
 * user in. Thread-safe.
 */
public final class RecoveryKeys {
    /** The purpose of recovery-key tokens. */
    public static final String PURPOSE = "recovery";
    private static final Pattern SLUG = Pattern.compile("[-a-zA-Z0-9_]+");

    private RecoveryKeys() {}

    /**
     * Stores a recovery key for the user named {@code username} that starts {@code flowSlug}, valid for
     * {@code validity}; returns the raw key, which is stored nowhere (only its SHA-256).
     *
     * @throws IllegalArgumentException when the slug is not a slug, the username is blank, or the
     *     validity is not positive
     */
    public static String issue(TokenStore tokens, Clock clock, SecureRandom random, String flowSlug, String username,
            Duration validity) {
        Objects.requireNonNull(tokens, "tokens");
        if (flowSlug == null || !SLUG.matcher(flowSlug).matches()) {
            throw new IllegalArgumentException("recovery flow '" + flowSlug + "' is not a slug");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("recovery key username must not be blank");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("recovery key validity must be positive, got " + validity);
        }
        String raw = TokenHashes.newToken(random);
        tokens.insert(new StoredToken(TokenHashes.hash(raw), PURPOSE, flowSlug, null, "", "",
                clock.instant().plus(validity), Map.of("username", username), null));
        return raw;
    }

    /** Returns the link a host serving flows under {@code baseUrl} opens the key with: {@code <base>/if/flow/<slug>/?flow_token=<key>}. */
    public static String link(String baseUrl, String flowSlug, String rawKey) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/if/flow/" + flowSlug + "/?flow_token=" + rawKey;
    }
}
