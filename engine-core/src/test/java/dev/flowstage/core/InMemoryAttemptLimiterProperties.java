package dev.flowstage.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.spi.AttemptLimiter.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of failures, bursts of failures, successes and checks on a few keys, with the
 * clock moving forward by random steps: a lockout needs a burst of enough failures within the
 * window since the last success, never lasts longer than the cap, always ends once the cap has
 * passed since the last failure; a burst always locks; memory stays bounded.
 */
class InMemoryAttemptLimiterProperties {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    enum Kind { FAIL, BURST, SUCCEED, CHECK }

    record Op(Kind kind, String key, int secondsLater) {}

    record Settings(int maxFailures, Duration window, Duration firstLockout, Duration maxLockout, int maxKeys) {
        InMemoryAttemptLimiter limiter() {
            return InMemoryAttemptLimiter.builder().maxFailures(maxFailures).window(window).firstLockout(firstLockout)
                    .maxLockout(maxLockout).maxKeys(maxKeys).build();
        }
    }

    @Provide
    Arbitrary<Op> ops() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of("a", "b", "c", "d", "e"),
                Arbitraries.integers().between(0, 120).edgeCases(edges -> edges.add(0))).as(Op::new);
    }

    @Provide
    Arbitrary<Settings> settings() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(30, 900),
                Arbitraries.integers().between(1, 60), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(2, 6))
                .as((failures, window, first, factor, keys) -> new Settings(failures, Duration.ofSeconds(window),
                        Duration.ofSeconds(first), Duration.ofSeconds((long) first * factor), keys));
    }

    @Property(tries = 300)
    void anyOperations_lockoutsFollowTheRules(@ForAll("settings") Settings settings,
            @ForAll @Size(max = 120) List<@net.jqwik.api.From("ops") Op> ops) {
        InMemoryAttemptLimiter limiter = settings.limiter();
        Map<String, List<Instant>> failures = new HashMap<>();
        Instant now = T0;
        for (Op op : ops) {
            now = now.plusSeconds(op.secondsLater());
            if (op.kind() == Kind.FAIL) {
                limiter.recordFailure(op.key(), now);
                failures.computeIfAbsent(op.key(), key -> new ArrayList<>()).add(now);
            } else if (op.kind() == Kind.BURST) {
                for (int i = 0; i < settings.maxFailures(); i++) {
                    limiter.recordFailure(op.key(), now);
                    failures.computeIfAbsent(op.key(), key -> new ArrayList<>()).add(now);
                }
                assertThat(limiter.check(op.key(), now).allowed()).as("locked after a burst").isFalse();
            } else if (op.kind() == Kind.SUCCEED) {
                limiter.recordSuccess(op.key());
                failures.remove(op.key());
            } else {
                checkDecision(settings, limiter.check(op.key(), now), failures.getOrDefault(op.key(), List.of()), now);
            }
            assertThat(limiter.size()).isLessThanOrEqualTo(settings.maxKeys());
        }
    }

    @Property(tries = 100)
    void repeatedFailures_neverLockLongerThanTheCap(@ForAll("settings") Settings settings,
            @ForAll @IntRange(min = 1, max = 40) int rounds) {
        InMemoryAttemptLimiter limiter = settings.limiter();
        Instant now = T0;
        for (int i = 0; i < rounds; i++) {
            limiter.recordFailure("k", now);
            if (limiter.check("k", now) instanceof Decision.Locked locked) {
                assertThat(locked.retryAfter()).isLessThanOrEqualTo(settings.maxLockout());
                now = now.plus(locked.retryAfter());
                assertThat(limiter.check("k", now).allowed()).isTrue();
            }
        }
    }

    private static void checkDecision(Settings settings, Decision decision, List<Instant> failures, Instant now) {
        Instant last = failures.isEmpty() ? null : failures.get(failures.size() - 1);
        if (last == null || !now.isBefore(last.plus(settings.maxLockout()))) {
            assertThat(decision.allowed()).as("allowed once the cap passed since the last failure").isTrue();
            return;
        }
        if (decision instanceof Decision.Locked locked) {
            assertThat(locked.retryAfter()).isPositive().isLessThanOrEqualTo(settings.maxLockout());
            assertThat(failures.stream().anyMatch(at -> completedABurst(settings, failures, at)))
                    .as("a lockout needs %d failures within %s", settings.maxFailures(), settings.window()).isTrue();
        }
    }

    /** Whether the failure at {@code end} completed {@code maxFailures} failures within the window. */
    private static boolean completedABurst(Settings settings, List<Instant> failures, Instant end) {
        return failures.stream().filter(at -> !at.isAfter(end) && at.isAfter(end.minus(settings.window())))
                .count() >= settings.maxFailures();
    }
}
