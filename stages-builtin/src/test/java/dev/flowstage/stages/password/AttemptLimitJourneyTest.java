package dev.flowstage.stages.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.core.InMemoryUserDirectory;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.testing.CountingHasher;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MutableClock;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogin.UserLoginStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Failed attempts counted across executions by a real engine with an {@link InMemoryAttemptLimiter}:
 * a new execution does not reset them, neither for the identifier nor for the client address.
 */
class AttemptLimitJourneyTest {
    private static final String LOGIN = "login";
    private static final String INLINE = "inline-login";
    private static final ErrorDetail THROTTLED_30 =
            new ErrorDetail("Too many failed attempts. Please try again in 30 seconds.", "throttled");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-08T09:10:11Z"));
    private final CountingHasher hasher = new CountingHasher(Fixtures.HASHER);
    private final FlowEngine engine = FlowEngines.builder().clock(clock).random(Fixtures.seededRandom(3))
            .users(new InMemoryUserDirectory().put(Fixtures.alice()).put(Fixtures.bob()))
            .stages(BuiltinStages.all())
            .service(PasswordHasher.class, hasher)
            .service(AttemptLimiter.class, new InMemoryAttemptLimiter())
            .flow(login(LOGIN, false)).flow(login(INLINE, true))
            .build();
    private int addresses;

    private static FlowDefinition login(String slug, boolean inlinePassword) {
        var builder = FlowDefinition.builder(slug).title("Welcome").designation(Designation.AUTHENTICATION)
                .stage(10, IdentificationStage.definition("identification",
                        IdentificationConfig.defaults().withPasswordField(inlinePassword)));
        if (!inlinePassword) {
            builder.stage(20, PasswordStage.definition("password", PasswordConfig.defaults()));
        }
        return builder.stage(100, UserLoginStage.definition("login", UserLoginConfig.defaults())).build();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Signs in in a new execution from {@code ip}: identification, then the password stage. */
    private FlowResult signIn(String uid, String password, String ip) {
        RequestInfo request = RequestInfo.anonymous().withClientIp(ip);
        FlowResult identification = engine.start(LOGIN, request);
        FlowResult passwordStage = engine.submit(identification.executionId(),
                ChallengeResponse.of(Map.of("uid_field", uid)), request);
        assertThat(passwordStage.challenge().component()).isEqualTo(PasswordStage.COMPONENT);
        return engine.submit(passwordStage.executionId(), ChallengeResponse.of(Map.of("password", password)), request);
    }

    /** Signs in in a new execution from {@code ip} with the identification stage's inline password. */
    private FlowResult signInInline(String uid, String password, String ip) {
        RequestInfo request = RequestInfo.anonymous().withClientIp(ip);
        FlowResult identification = engine.start(INLINE, request);
        return engine.submit(identification.executionId(),
                ChallengeResponse.of(Map.of("uid_field", uid, "password", password)), request);
    }

    /** Returns a client address not used before. */
    private String freshAddress() {
        addresses++;
        return "198.51.100." + addresses;
    }

    private static List<ErrorDetail> errors(FlowResult result, String field) {
        assertThat(result).isInstanceOf(FlowResult.Pending.class);
        return result.challenge().responseErrors().forField(field);
    }

    @Test
    void wrongPasswords_fiveExecutionsFromFiveAddresses_lockTheIdentifierInTheNextExecution() {
        for (int i = 0; i < 5; i++) {
            assertThat(errors(signIn("alice", "guess" + i, freshAddress()), "password")).extracting(ErrorDetail::code)
                    .containsExactly("invalid");
        }
        int before = hasher.nothingVerifications();

        FlowResult locked = signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress());

        assertThat(errors(locked, "password")).containsExactly(THROTTLED_30);
        assertThat(hasher.nothingVerifications()).as("a hash of nothing, not of alice's").isEqualTo(before + 1);
        assertThat(signIn("Alice", Fixtures.ALICE_PASSWORD, freshAddress())).as("case does not matter")
                .isInstanceOf(FlowResult.Pending.class);
    }

    @Test
    void wrongPasswords_fiveExecutionsForFiveIdentifiersFromOneAddress_lockThatAddressOnly() {
        List<String> identifiers = List.of("bob", "carol", "dave", "erin", "frank");
        for (String uid : identifiers) {
            errors(signIn(uid, "guess", "203.0.113.9"), "password");
        }

        assertThat(errors(signIn("alice", Fixtures.ALICE_PASSWORD, "203.0.113.9"), "password")).containsExactly(THROTTLED_30);
        assertThat(signIn("alice", Fixtures.ALICE_PASSWORD, "203.0.113.10")).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void lockout_clockPassesTheRetryAfter_rightPasswordCompletes() {
        for (int i = 0; i < 5; i++) {
            signIn("alice", "guess" + i, freshAddress());
        }
        clock.advance(Duration.ofSeconds(29));
        assertThat(errors(signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress()), "password"))
                .containsExactly(new ErrorDetail("Too many failed attempts. Please try again in 1 second.", "throttled"));

        clock.advance(Duration.ofSeconds(1));

        assertThat(signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void lockout_wrongPasswordRightAfterIt_locksTwiceAsLong() {
        for (int i = 0; i < 5; i++) {
            signIn("alice", "guess" + i, freshAddress());
        }
        clock.advance(Duration.ofSeconds(30));

        assertThat(errors(signIn("alice", "guess5", freshAddress()), "password")).extracting(ErrorDetail::code)
                .containsExactly("invalid");
        assertThat(errors(signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress()), "password")).containsExactly(
                new ErrorDetail("Too many failed attempts. Please try again in 60 seconds.", "throttled"));
    }

    @Test
    void rightPassword_afterFourFailures_resetsTheIdentifierCount() {
        for (int i = 0; i < 4; i++) {
            signIn("alice", "guess" + i, freshAddress());
        }
        assertThat(signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress())).isInstanceOf(FlowResult.Completed.class);
        for (int i = 0; i < 4; i++) {
            signIn("alice", "again" + i, freshAddress());
        }

        assertThat(signIn("alice", Fixtures.ALICE_PASSWORD, freshAddress())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void unknownAndKnownIdentifiers_getTheSameAnswersThroughALockout() {
        List<String> alice = new ArrayList<>();
        List<String> nobody = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            alice.add(answer(signIn("alice", "guess" + i, freshAddress())));
            nobody.add(answer(signIn("nobody", "guess" + i, freshAddress())));
        }
        clock.advance(Duration.ofSeconds(30));
        alice.add(answer(signIn("alice", "late guess", freshAddress())));
        nobody.add(answer(signIn("nobody", "late guess", freshAddress())));
        alice.add(answer(signIn("alice", "later guess", freshAddress())));
        nobody.add(answer(signIn("nobody", "later guess", freshAddress())));

        assertThat(nobody).isEqualTo(alice);
        assertThat(alice.get(4)).contains("invalid");
        assertThat(alice.get(5)).contains("throttled", "30 seconds");
        assertThat(alice.get(8)).contains("throttled", "60 seconds");
    }

    @Test
    void inlinePassword_wrongInFiveExecutions_isThrottledInTheNextUntilTheClockPasses() {
        for (int i = 0; i < 5; i++) {
            assertThat(errors(signInInline("alice", "guess" + i, freshAddress()), "non_field_errors"))
                    .containsExactly(ErrorDetail.invalid(IdentificationStage.FAILED));
        }

        assertThat(errors(signInInline("alice", Fixtures.ALICE_PASSWORD, freshAddress()), "non_field_errors"))
                .containsExactly(THROTTLED_30);
        clock.advance(Duration.ofSeconds(30));
        assertThat(signInInline("alice", Fixtures.ALICE_PASSWORD, freshAddress())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void inlinePassword_hundredWrongInOneExecution_deniesAfterFive() {
        RequestInfo request = RequestInfo.anonymous();
        FlowResult result = engine.start(INLINE, request);
        int answers = 0;
        while (result instanceof FlowResult.Pending && answers < 100) {
            result = engine.submit(result.executionId(),
                    ChallengeResponse.of(Map.of("uid_field", "alice", "password", "guess" + answers)), request);
            answers++;
        }

        assertThat(result).isInstanceOf(FlowResult.Denied.class);
        assertThat(answers).isEqualTo(5);
    }

    /** Returns the client-visible part of an answer: the outcome, the component and the errors. */
    private static String answer(FlowResult result) {
        return result.getClass().getSimpleName() + " " + result.challenge().component() + " "
                + result.challenge().responseErrors().asMap();
    }
}
