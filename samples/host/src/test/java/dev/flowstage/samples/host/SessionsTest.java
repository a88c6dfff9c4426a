package dev.flowstage.samples.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ExecutionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private static final ExecutionId EXECUTION = ExecutionId.of("0123456789abcdefABCDEF");
    private final MovableClock clock = new MovableClock();
    private final Sessions sessions = new Sessions(clock, new SecureRandom());

    @Test
    void putFlow_withoutKey_issuesA256BitKeyThatFindsTheSession() {
        String key = sessions.putFlow(null, new Sessions.FlowSession("login", EXECUTION));
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(sessions.flow(key)).contains(new Sessions.FlowSession("login", EXECUTION));
        assertThat(sessions.flow("forged")).isEmpty();
        assertThat(sessions.flow(null)).isEmpty();
    }

    @Test
    void flow_idleLongerThanTheLimit_isGone_butUseKeepsItAlive() {
        String key = sessions.putFlow(null, new Sessions.FlowSession("login", EXECUTION));
        clock.advance(Sessions.FLOW_IDLE.minusMinutes(1));
        assertThat(sessions.flow(key)).isPresent();
        clock.advance(Sessions.FLOW_IDLE.minusMinutes(1));
        assertThat(sessions.flow(key)).isPresent();
        clock.advance(Sessions.FLOW_IDLE);
        assertThat(sessions.flow(key)).isEmpty();
    }

    @Test
    void signIn_lastsTheSessionDuration_orTheBrowserSessionLimitWhenZero() {
        String eightHours = sessions.signIn("1", Duration.ofHours(8));
        String browser = sessions.signIn("1", Duration.ZERO);
        clock.advance(Duration.ofHours(8));
        assertThat(sessions.signedIn(eightHours)).isEmpty();
        assertThat(sessions.signedIn(browser)).contains(new Sessions.SignedIn("1"));
        clock.advance(Sessions.BROWSER_SESSION_LIMIT);
        assertThat(sessions.signedIn(browser)).isEmpty();
    }

    @Test
    void signOut_endsTheSession() {
        String key = sessions.signIn("1", Duration.ZERO);
        sessions.signOut(key);
        assertThat(sessions.signedIn(key)).isEmpty();
    }

    @Test
    void fullTable_dropsTheLeastRecentlyUsedSession_notTheOnesUsedSince() {
        Sessions small = new Sessions(clock, new SecureRandom(), 3);
        String inUse = small.putFlow(null, new Sessions.FlowSession("login", EXECUTION));
        String abandoned = small.putFlow(null, new Sessions.FlowSession("login", EXECUTION));
        String third = small.putFlow(null, new Sessions.FlowSession("login", EXECUTION));
        assertThat(small.flow(inUse)).isPresent();

        String fourth = small.putFlow(null, new Sessions.FlowSession("login", EXECUTION));

        assertThat(small.flow(abandoned)).isEmpty();
        assertThat(small.flow(inUse)).isPresent();
        assertThat(small.flow(third)).isPresent();
        assertThat(small.flow(fourth)).isPresent();
    }

    @Test
    void fullTable_keepsEverySessionOfTheLastCapacityInserts() {
        Sessions small = new Sessions(clock, new SecureRandom(), 100);
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            keys.add(small.signIn(String.valueOf(i), Duration.ZERO));
        }

        assertThat(keys.subList(900, 1_000)).allSatisfy(key -> assertThat(small.signedIn(key)).isPresent());
        assertThat(keys.subList(0, 900)).allSatisfy(key -> assertThat(small.signedIn(key)).isEmpty());
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("fixed zone");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
