package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.AttemptLimiter.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryAttemptLimiterTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");
    private static final String KEY = "password:id:alice";

    private final InMemoryAttemptLimiter limiter = new InMemoryAttemptLimiter();

    private void fail(String key, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            limiter.recordFailure(key, at);
        }
    }

    private Duration lockedFor(String key, Instant at) {
        Decision decision = limiter.check(key, at);
        assertThat(decision).as("decision for %s at %s", key, at).isInstanceOf(Decision.Locked.class);
        return ((Decision.Locked) decision).retryAfter();
    }

    @Test
    void check_unknownKey_allows() {
        assertThat(limiter.check(KEY, T0).allowed()).isTrue();
        assertThat(limiter.size()).isZero();
    }

    @Test
    void recordFailure_fourWithinWindow_stillAllows() {
        fail(KEY, 4, T0);

        assertThat(limiter.check(KEY, T0).allowed()).isTrue();
    }

    @Test
    void recordFailure_fifthWithinWindow_locksForThirtySeconds() {
        fail(KEY, 4, T0);
        limiter.recordFailure(KEY, T0.plusSeconds(60));

        assertThat(lockedFor(KEY, T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(30));
        assertThat(lockedFor(KEY, T0.plusSeconds(89))).isEqualTo(Duration.ofSeconds(1));
        assertThat(limiter.check(KEY, T0.plusSeconds(90)).allowed()).isTrue();
    }

    @Test
    void recordFailure_afterEachLockout_doublesTheLockoutUpToFifteenMinutes() {
        fail(KEY, 5, T0);
        List<Duration> lockouts = new ArrayList<>();
        Instant now = T0;
        for (int i = 0; i < 8; i++) {
            Duration lockout = lockedFor(KEY, now);
            lockouts.add(lockout);
            now = now.plus(lockout);
            assertThat(limiter.check(KEY, now).allowed()).isTrue();
            limiter.recordFailure(KEY, now);
        }

        assertThat(lockouts).extracting(Duration::toSeconds).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
    }

    @Test
    void recordFailure_spreadWiderThanTheWindow_neverLocks() {
        for (int i = 0; i < 20; i++) {
            Instant at = T0.plus(Duration.ofMinutes(4L * i));
            limiter.recordFailure(KEY, at);
            assertThat(limiter.check(KEY, at).allowed()).as("failure %d", i).isTrue();
        }
    }

    @Test
    void recordFailure_whileLocked_doesNotExtendTheLockout() {
        fail(KEY, 5, T0);
        fail(KEY, 10, T0.plusSeconds(10));

        assertThat(lockedFor(KEY, T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void recordFailure_beforeAQuietWindowAfterTheLockout_locksAgainAtOnce() {
        fail(KEY, 5, T0);
        Instant almostQuiet = T0.plusSeconds(30).plus(Duration.ofMinutes(15)).minusSeconds(1);
        fail(KEY, 1, almostQuiet);

        assertThat(lockedFor(KEY, almostQuiet)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void recordFailure_afterAQuietWindow_startsOverAtTheFirstLockout() {
        fail(KEY, 5, T0);
        fail(KEY, 1, T0.plusSeconds(30));
        assertThat(lockedFor(KEY, T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(60));

        Instant later = T0.plusSeconds(90).plus(Duration.ofMinutes(15));
        fail(KEY, 4, later);
        assertThat(limiter.check(KEY, later).allowed()).isTrue();
        fail(KEY, 1, later);
        assertThat(lockedFor(KEY, later)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void recordSuccess_clearsFailuresAndLockoutLevel() {
        fail(KEY, 4, T0);
        limiter.recordSuccess(KEY);
        fail(KEY, 4, T0);

        assertThat(limiter.check(KEY, T0).allowed()).isTrue();
        assertThat(limiter.size()).isEqualTo(1);
    }

    @Test
    void recordFailure_otherKey_doesNotLockThisOne() {
        fail("password:ip:203.0.113.9", 5, T0);

        assertThat(limiter.check(KEY, T0).allowed()).isTrue();
        assertThat(limiter.check("password:ip:203.0.113.9", T0).allowed()).isFalse();
    }

    @Test
    void recordFailure_beyondMaxKeys_evictsTheKeyThatFailedLongestAgo() {
        var small = InMemoryAttemptLimiter.builder().maxFailures(1).maxKeys(3).build();
        small.recordFailure("a", T0);
        small.recordFailure("b", T0);
        small.recordFailure("c", T0);
        small.recordFailure("a", T0.plusSeconds(31));
        small.recordFailure("d", T0.plusSeconds(31));

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.check("b", T0.plusSeconds(1)).allowed()).as("b was evicted").isTrue();
        assertThat(small.check("c", T0.plusSeconds(1)).allowed()).isFalse();
        assertThat(small.check("a", T0.plusSeconds(31)).allowed()).isFalse();
    }

    @Test
    void builder_customSettings_areApplied() {
        var custom = InMemoryAttemptLimiter.builder().maxFailures(2).window(Duration.ofMinutes(1))
                .firstLockout(Duration.ofSeconds(10)).maxLockout(Duration.ofSeconds(15)).build();
        custom.recordFailure(KEY, T0);
        custom.recordFailure(KEY, T0);
        Instant next = T0.plusSeconds(10);
        custom.recordFailure(KEY, next);

        assertThat(((Decision.Locked) custom.check(KEY, next)).retryAfter()).isEqualTo(Duration.ofSeconds(15));
        assertThat(custom.toString()).contains("maxFailures=2", "window=PT1M");
    }

    @Test
    void builder_badValues_areRejectedNamingTheValue() {
        assertThatThrownBy(() -> InMemoryAttemptLimiter.builder().maxFailures(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxFailures must be at least 1, got 0");
        assertThatThrownBy(() -> InMemoryAttemptLimiter.builder().window(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("window must be positive, got PT0S");
        assertThatThrownBy(() -> InMemoryAttemptLimiter.builder().firstLockout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("firstLockout must be positive, got PT-1S");
        assertThatThrownBy(() -> InMemoryAttemptLimiter.builder().maxKeys(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxKeys must be at least 1, got 0");
        assertThatThrownBy(() -> InMemoryAttemptLimiter.builder().firstLockout(Duration.ofMinutes(2))
                .maxLockout(Duration.ofMinutes(1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxLockout PT1M must not be shorter than firstLockout PT2M");
        assertThatThrownBy(() -> limiter.check(null, T0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> limiter.recordFailure(KEY, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void recordFailure_concurrentThreads_loseNoFailureAndStayWithinMaxKeys() throws Exception {
        var bounded = InMemoryAttemptLimiter.builder().maxFailures(400).maxKeys(50).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int id = thread;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    bounded.recordFailure("shared", T0);
                    bounded.recordFailure("t" + id + "-" + i, T0);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(bounded.size()).isLessThanOrEqualTo(50);
        assertThat(bounded.check("shared", T0).allowed()).as("400 failures lock at exactly 400").isFalse();
    }

    @Test
    void keys_madeByTheSpi_normalizeIdentifiersAndAddresses() {
        assertThat(AttemptLimiter.identifierKey(AttemptLimiter.PASSWORD, "  Alice\u00A0")).isEqualTo("password:id:alice");
        assertThat(AttemptLimiter.identifierKey(AttemptLimiter.MFA, "ＡＬＩＣＥ")).isEqualTo("mfa:id:alice");
        assertThat(AttemptLimiter.clientKey(AttemptLimiter.PASSWORD, "2001:DB8::1")).isEqualTo("password:ip:2001:db8::1");
        assertThatThrownBy(() -> Decision.lockedFor(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retryAfter must be positive, got PT0S");
    }
}
