package dev.flowstage.samples.host;

import dev.flowstage.api.ExecutionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    /**
     * The execution a flow session is in.
     *
     * @param slug the flow
     * @param executionId the execution
     * @param tokenDigest the SHA-256 (hex) of the mailed link token the session was resumed with, or
     *     empty: a reload of that link shows the execution again instead of resuming the token anew
     */
    record FlowSession(String slug, ExecutionId executionId, String tokenDigest) {
        FlowSession {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(executionId, "executionId");
            Objects.requireNonNull(tokenDigest, "tokenDigest");
        }

        FlowSession(String slug, ExecutionId executionId) {
            this(slug, executionId, "");
        }
    }

    /**
     * A signed-in user.
     *
     * @param userId the user
     * @param authorizedApplications the applications whose authorization flow the user completed in this session
     * @param pendingAuthorization the application whose authorization flow is running, or empty
     */
    record SignedIn(String userId, Set<String> authorizedApplications, String pendingAuthorization) {
        SignedIn {
            Objects.requireNonNull(userId, "userId");
            authorizedApplications = Set.copyOf(authorizedApplications);
            Objects.requireNonNull(pendingAuthorization, "pendingAuthorization");
        }

        SignedIn(String userId) {
            this(userId, Set.of(), "");
        }

        SignedIn pending(String application) {
            return new SignedIn(userId, authorizedApplications, application);
        }

        SignedIn authorized() {
            Set<String> authorized = new HashSet<>(authorizedApplications);
            authorized.add(pendingAuthorization);
            return new SignedIn(userId, authorized, "");
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

    /** Notes that signed-in session {@code key} is running the authorization flow of {@code application}. */
    void beginAuthorization(String key, String application) {
        signIns.computeIfPresent(key, (unused, entry) -> new Entry<>(entry.value().pending(application), entry.expiresAt()));
    }

    /**
     * Completes the pending authorization of signed-in session {@code key}, if it is for
     * {@code application}; returns whether it did.
     */
    boolean completeAuthorization(String key, String application) {
        Entry<SignedIn> entry = key == null ? null : signIns.get(key);
        if (entry == null || application.isEmpty() || !entry.value().pendingAuthorization().equals(application)) {
            return false;
        }
        return signIns.replace(key, entry, new Entry<>(entry.value().authorized(), entry.expiresAt()));
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
