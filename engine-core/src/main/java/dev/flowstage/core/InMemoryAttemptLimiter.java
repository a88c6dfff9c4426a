package dev.flowstage.core;

import dev.flowstage.spi.AttemptLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts failed attempts in memory, for one process and for tests: after {@code maxFailures}
 * failures of a key within the sliding {@code window}, the key is locked out for
 * {@code firstLockout}; each further failure after a lockout has ended locks it again for twice as
 * long as the previous lockout, up to {@code maxLockout}, until the key has had no failure for a
 * whole {@code window} after its last lockout ended (then it starts over) or a success forgets it.
 * Defaults: 5 failures within 15 minutes, 30 seconds doubling up to 15 minutes, so a steady
 * guesser gets about 4 attempts an hour.
 *
 * <p>Failures recorded while a key is locked are counted but neither extend nor double the lockout.
 * Time comes only from the {@code Instant} passed in. Memory is bounded: beyond {@code maxKeys}
 * keys (default 100,000) the key whose last failure is oldest is forgotten, so a flood of distinct
 * keys can end a lockout early; each entry holds at most {@code maxFailures} instants.
 *
 * <p>Thread-safe (one lock, held only for map and counter updates; no call blocks on I/O or
 * sleeps). The counts live in this process only: engines on several nodes need a shared
 * implementation of {@link AttemptLimiter}.
 */
public final class InMemoryAttemptLimiter implements AttemptLimiter {
    private static final int MAX_LEVEL = 64;

    private final int maxFailures;
    private final Duration window;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final int maxKeys;
    private final Map<String, Entry> entries;

    /** Creates a limiter with the defaults: 5 failures within 15 minutes, 30 s doubling to 15 min, 100,000 keys. */
    public InMemoryAttemptLimiter() {
        this(builder());
    }

    private InMemoryAttemptLimiter(Builder builder) {
        this.maxFailures = builder.maxFailures;
        this.window = builder.window;
        this.firstLockout = builder.firstLockout;
        this.maxLockout = builder.maxLockout;
        this.maxKeys = builder.maxKeys;
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > InMemoryAttemptLimiter.this.maxKeys;
            }
        };
    }

    /** Returns a builder with the defaults; not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns locked while a lockout of {@code key} runs at {@code now}, else allowed. */
    @Override
    public Decision check(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Instant until;
        synchronized (entries) {
            Entry entry = entries.get(key);
            until = entry == null ? null : entry.lockedUntil;
        }
        return until != null && now.isBefore(until) ? Decision.lockedFor(Duration.between(now, until)) : Decision.allow();
    }

    /** Counts a failure of {@code key} at {@code now}; see the class comment for when it locks. */
    @Override
    public void recordFailure(String key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        synchronized (entries) {
            Entry entry = entries.remove(key);
            entries.put(key, entry == null ? new Entry() : entry);
            entries.get(key).fail(now);
        }
    }

    /** Forgets {@code key}'s failures and lockout level. */
    @Override
    public void recordSuccess(String key) {
        Objects.requireNonNull(key, "key");
        synchronized (entries) {
            entries.remove(key);
        }
    }

    /** Returns how many keys are tracked now (at most {@code maxKeys}). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Returns the settings, such as {@code InMemoryAttemptLimiter[maxFailures=5, window=PT15M, ...]}. */
    @Override
    public String toString() {
        return "InMemoryAttemptLimiter[maxFailures=" + maxFailures + ", window=" + window + ", firstLockout="
                + firstLockout + ", maxLockout=" + maxLockout + ", maxKeys=" + maxKeys + "]";
    }

    /** The lockout after {@code level} lockouts: firstLockout doubled level - 1 times, capped. */
    private Duration lockout(int level) {
        Duration lockout = firstLockout;
        for (int i = 1; i < level && lockout.compareTo(maxLockout) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    /** One key's recent failures and lockout state; guarded by the map's lock. */
    private final class Entry {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;
        private int level;

        void fail(Instant now) {
            boolean locked = lockedUntil != null && now.isBefore(lockedUntil);
            if (level > 0 && !locked && !now.isBefore(lockedUntil.plus(window))) {
                level = 0;
                failures.clear();
            }
            Instant oldestCounted = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestCounted)) {
                failures.removeFirst();
            }
            failures.addLast(now);
            if (failures.size() > maxFailures) {
                failures.removeFirst();
            }
            if (!locked && (level > 0 || failures.size() >= maxFailures)) {
                level = Math.min(level + 1, MAX_LEVEL);
                lockedUntil = now.plus(lockout(level));
            }
        }
    }

    /** Builds an {@link InMemoryAttemptLimiter}; every setter rejects a bad value at once. Not thread-safe. */
    public static final class Builder {
        private int maxFailures = 5;
        private Duration window = Duration.ofMinutes(15);
        private Duration firstLockout = Duration.ofSeconds(30);
        private Duration maxLockout = Duration.ofMinutes(15);
        private int maxKeys = 100_000;

        private Builder() {}

        /**
         * Sets how many failures within the window start a lockout (default 5).
         *
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder maxFailures(int value) {
            this.maxFailures = atLeastOne("maxFailures", value);
            return this;
        }

        /**
         * Sets how long a failure counts (default 15 minutes).
         *
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder window(Duration value) {
            this.window = positive("window", value);
            return this;
        }

        /**
         * Sets the first lockout (default 30 seconds); each further one doubles.
         *
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder firstLockout(Duration value) {
            this.firstLockout = positive("firstLockout", value);
            return this;
        }

        /**
         * Sets the longest lockout (default 15 minutes).
         *
         * @throws IllegalArgumentException when {@code value} is not positive
         */
        public Builder maxLockout(Duration value) {
            this.maxLockout = positive("maxLockout", value);
            return this;
        }

        /**
         * Sets how many keys are kept before the oldest are forgotten (default 100,000).
         *
         * @throws IllegalArgumentException when {@code value} is below 1
         */
        public Builder maxKeys(int value) {
            this.maxKeys = atLeastOne("maxKeys", value);
            return this;
        }

        /**
         * Returns the limiter.
         *
         * @throws IllegalArgumentException when {@code maxLockout} is shorter than {@code firstLockout}
         */
        public InMemoryAttemptLimiter build() {
            if (maxLockout.compareTo(firstLockout) < 0) {
                throw new IllegalArgumentException(
                        "maxLockout " + maxLockout + " must not be shorter than firstLockout " + firstLockout);
            }
            return new InMemoryAttemptLimiter(this);
        }

        private static int atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
