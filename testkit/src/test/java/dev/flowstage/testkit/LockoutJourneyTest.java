package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.InMemoryAttemptLimiter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit's attempt limiter counts wrong passwords across executions and reads the kit's clock. */
class LockoutJourneyTest {
    private static final String THROTTLED = "Too many failed attempts. Please try again in 30 seconds.";

    @RegisterExtension
    final FlowstageExtension flows = FlowstageExtension.with(kit -> kit
            .flow(SignInFlows.login())
            .user("alice", "correct horse"));

    private Scenario guess(String uid, String password, String ip) {
        return flows.kit().start(SignInFlows.LOGIN, RequestInfo.anonymous().withClientIp(ip))
                .answer(Map.of("uid_field", uid))
                .expect("ak-stage-password")
                .answer(Map.of("password", password));
    }

    @Test
    void wrongPasswordsInFiveExecutions_lockTheUserUntilTheKitClockMoves() {
        for (int i = 0; i < 5; i++) {
            guess("alice", "guess" + i, "192.0.2." + i).expectFieldError("password", "invalid", "Invalid password");
        }

        guess("alice", "correct horse", "192.0.2.99").expectFieldError("password", "throttled", THROTTLED);
        flows.kit().clock().advance(Duration.ofSeconds(30));
        guess("alice", "correct horse", "192.0.2.99").expectCompleted();
    }

    @Test
    void wrongPasswordsForFiveIdentifiersFromOneAddress_lockThatAddress() {
        for (String uid : new String[] {"bob", "carol", "dave", "erin", "frank"}) {
            guess(uid, "guess", "203.0.113.5").expectFieldError("password", "invalid");
        }

        guess("alice", "correct horse", "203.0.113.5").expectFieldError("password", "throttled", THROTTLED);
        guess("alice", "correct horse", "203.0.113.6").expectCompleted();
    }

    @Test
    void builder_customLimiter_isTheOneTheStagesUse() {
        var strict = InMemoryAttemptLimiter.builder().maxFailures(1).build();
        try (FlowKit kit = FlowKit.builder().flow(SignInFlows.login()).user("alice", "pw").attemptLimiter(strict).build()) {
            kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice")).answer(Map.of("password", "wrong"))
                    .expectFieldError("password", "invalid");

            kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice")).answer(Map.of("password", "pw"))
                    .expectFieldError("password", "throttled");
            assertThat(kit.attemptLimiter()).isSameAs(strict);
        }
    }
}
