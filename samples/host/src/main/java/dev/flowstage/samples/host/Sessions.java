package dev.flowstage.samples.host;

import dev.flowstage.api.ExecutionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's server-side sessions, keyed by random cookie values: flow sessions
 * ({@value #FLOW_COOKIE}: which execution of which flow the browser is in) and signed-in sessions
 * ({@value #AUTH_COOKIE}: which user signed in, until when). Cookie values are 256-bit random, so a
 * forged or stale cookie simply finds nothing. Thread-safe; both tables are bounded and drop
 * expired entries as they grow.
 */
final class Sessions {
    /** The cookie naming the browser's flow session. */
    static final String FLOW_COOKIE = "flowstage_session";
    /** The cookie naming the browser's signed-in session. */
    static final String AUTH_COOKIE = "flowstage_auth";
    /** How long a flow session lives without being used (the engine's default idle timeout). */
    static final Duration FLOW_IDLE = Duration.ofMinutes(30);
    /** How long a "browser session" sign-in (session duration zero) is kept on the server. */
    static final Duration BROWSER_SESSION_LIMIT = Duration.ofHours(12);
    private static final int MAX_ENTRIES = 100_000;

    /** The execution a flow session is in. */
    record FlowSession(String slug, ExecutionId executionId) {
        FlowSession {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(executionId, "executionId");
        }
    }

    /** A signed-in user. */
    record SignedIn(String userId) {
        SignedIn {
            Objects.requireNonNull(userId, "userId");
        }
    }

    private record Entry<V>(V value, Instant expiresAt) {}

    private final Clock clock;
    private final SecureRandom random;
    private final Map<String, Entry<FlowSession>> flows = new ConcurrentHashMap<>();
    private final Map<String, Entry<SignedIn>> signIns = new ConcurrentHashMap<>();

    Sessions(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** Returns the flow session of cookie value {@code key}, refreshing its idle time. */
    Optional<FlowSession> flow(String key) {
        Optional<FlowSession> session = find(flows, key);
        session.ifPresent(found -> flows.computeIfPresent(key,
                (unused, entry) -> new Entry<>(entry.value(), clock.instant().plus(FLOW_IDLE))));
        return session;
    }

    /** Stores {@code session} under {@code key}, or under a new key when {@code key} is null; returns the key. */
    String putFlow(String key, FlowSession session) {
        String stored = key != null ? key : newKey();
        store(flows, stored, session, FLOW_IDLE);
        return stored;
    }

    /** Returns the signed-in session of cookie value {@code key}. */
    Optional<SignedIn> signedIn(String key) {
        return find(signIns, key);
    }

    /** Signs {@code userId} in for {@code duration} (zero: a browser session); returns the new cookie value. */
    String signIn(String userId, Duration duration) {
        String key = newKey();
        store(signIns, key, new SignedIn(userId), duration.isZero() ? BROWSER_SESSION_LIMIT : duration);
        return key;
    }

    /** Ends the signed-in session {@code key}; no-op when unknown. */
    void signOut(String key) {
        signIns.remove(key);
    }

    private <V> Optional<V> find(Map<String, Entry<V>> table, String key) {
        Entry<V> entry = key == null ? null : table.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            table.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    private <V> void store(Map<String, Entry<V>> table, String key, V value, Duration lifetime) {
        if (table.size() >= MAX_ENTRIES) {
            evict(table);
        }
        table.put(key, new Entry<>(value, clock.instant().plus(lifetime)));
    }

    /** Drops expired entries, and then the oldest-looking ones if the table is still full. */
    private <V> void evict(Map<String, Entry<V>> table) {
        Instant now = clock.instant();
        table.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
        Iterator<String> keys = table.keySet().iterator();
        while (table.size() >= MAX_ENTRIES && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
