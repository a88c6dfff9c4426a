package dev.flowstage.samples.host;

import dev.flowstage.api.ExecutionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The host's server-side sessions, keyed by random cookie values: flow sessions
 * ({@value #FLOW_COOKIE}: which execution of which flow the browser is in) and signed-in sessions
 * ({@value #AUTH_COOKIE}: which user signed in, until when). Cookie values are 256-bit random, so a
 * forged or stale cookie simply finds nothing. Thread-safe. Both tables are bounded (100,000
 * entries each by default): a full table drops its least recently used entry, so abandoned and
 * expired sessions go first, before any session that was used more recently.
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
    private static final int DEFAULT_CAPACITY = 100_000;

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
    private final Table<FlowSession> flows;
    private final Table<SignedIn> signIns;

    Sessions(Clock clock, SecureRandom random) {
        this(clock, random, DEFAULT_CAPACITY);
    }

    /** Creates sessions whose tables hold at most {@code capacity} entries each. */
    Sessions(Clock clock, SecureRandom random, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("session capacity must be positive, got " + capacity);
        }
        this.clock = clock;
        this.random = random;
        this.flows = new Table<>(capacity);
        this.signIns = new Table<>(capacity);
    }

    /** Returns the flow session of cookie value {@code key}, refreshing its idle time. */
    Optional<FlowSession> flow(String key) {
        Instant now = clock.instant();
        return flows.find(key, now, entry -> new Entry<>(entry.value(), now.plus(FLOW_IDLE)));
    }

    /** Stores {@code session} under {@code key}, or under a new key when {@code key} is null; returns the key. */
    String putFlow(String key, FlowSession session) {
        String stored = key != null ? key : newKey();
        flows.put(stored, new Entry<>(session, clock.instant().plus(FLOW_IDLE)));
        return stored;
    }

    /** Returns the signed-in session of cookie value {@code key}. */
    Optional<SignedIn> signedIn(String key) {
        return signIns.find(key, clock.instant(), UnaryOperator.identity());
    }

    /** Signs {@code userId} in for {@code duration} (zero: a browser session); returns the new cookie value. */
    String signIn(String userId, Duration duration) {
        String key = newKey();
        signIns.put(key, new Entry<>(new SignedIn(userId),
                clock.instant().plus(duration.isZero() ? BROWSER_SESSION_LIMIT : duration)));
        return key;
    }

    /** Ends the signed-in session {@code key}; no-op when unknown. */
    void signOut(String key) {
        if (key != null) {
            signIns.remove(key);
        }
    }

    /** Notes that signed-in session {@code key} is running the authorization flow of {@code application}. */
    void beginAuthorization(String key, String application) {
        signIns.update(key, entry -> Optional.of(new Entry<>(entry.value().pending(application), entry.expiresAt())));
    }

    /**
     * Completes the pending authorization of signed-in session {@code key}, if it is for
     * {@code application}; returns whether it did.
     */
    boolean completeAuthorization(String key, String application) {
        return !application.isEmpty() && signIns.update(key, entry -> entry.value().pendingAuthorization().equals(application)
                ? Optional.of(new Entry<>(entry.value().authorized(), entry.expiresAt())) : Optional.empty());
    }

    /**
     * A table of entries by key, bounded to {@code capacity} in least-recently-used order (a find
     * or update counts as a use). Expired entries are dropped when found, and otherwise age out
     * with the unused ones. Thread-safe: every operation holds the table's lock for O(1) work.
     */
    private static final class Table<V> {
        private final int capacity;
        private final LinkedHashMap<String, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);

        Table(int capacity) {
            this.capacity = capacity;
        }

        /** Returns the live value of {@code key}, after replacing its entry with {@code touch} of it. */
        synchronized Optional<V> find(String key, Instant now, UnaryOperator<Entry<V>> touch) {
            Entry<V> entry = key == null ? null : entries.get(key);
            if (entry == null) {
                return Optional.empty();
            }
            if (!entry.expiresAt().isAfter(now)) {
                entries.remove(key);
                return Optional.empty();
            }
            entries.put(key, touch.apply(entry));
            return Optional.of(entry.value());
        }

        /** Stores {@code entry}, dropping the least recently used entry when the table is full. */
        synchronized void put(String key, Entry<V> entry) {
            entries.put(key, entry);
            if (entries.size() > capacity) {
                Iterator<String> eldest = entries.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        }

        /** Replaces the entry of {@code key} with what {@code change} returns; returns whether it did. */
        synchronized boolean update(String key, Function<Entry<V>, Optional<Entry<V>>> change) {
            Entry<V> entry = key == null ? null : entries.get(key);
            Optional<Entry<V>> changed = entry == null ? Optional.empty() : change.apply(entry);
            changed.ifPresent(next -> entries.put(key, next));
            return changed.isPresent();
        }

        synchronized void remove(String key) {
            entries.remove(key);
        }
    }

    private String newKey() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
