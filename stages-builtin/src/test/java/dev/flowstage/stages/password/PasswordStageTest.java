package dev.flowstage.stages.password;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.rejectedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.Secret;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordStageTest {
    private static final PasswordStage STAGE = new PasswordStage();
    private static final ResponseErrors INVALID = ResponseErrors.of("password", new ErrorDetail("Invalid password", "invalid"));
    private static final String ATTEMPTS = "goauthentik.io/stages/password/default-password/failed_attempts";
    private static final ResponseErrors THROTTLED = ResponseErrors.of("password",
            new ErrorDetail("Too many failed attempts. Please try again in 30 seconds.", "throttled"));
    private static final String CLIENT = "203.0.113.9";
    private static final String ALICE_KEY = "password:id:alice";
    private static final String CLIENT_KEY = "password:ip:" + CLIENT;

    private static TestContext<PasswordConfig> context(PasswordConfig config, PendingUser pending) {
        var ctx = TestContext.of(config).named("default-password").withUser(Fixtures.alice()).withUser(Fixtures.bob());
        return pending == null ? ctx : ctx.with(ContextKeys.PENDING_USER, pending);
    }

    private static TestContext<PasswordConfig> aliceContext() {
        return context(PasswordConfig.defaults(), PendingUser.of(Fixtures.alice()));
    }

    private static StageResult submit(TestContext<PasswordConfig> ctx, Map<String, ?> data) {
        return ctx.apply(STAGE.submit(ctx, ChallengeResponse.of(data)));
    }

    @Test
    void challenge_pendingUser_showsUsernameAvatarAndShowPasswordFlag() {
        var challenge = STAGE.challenge(context(PasswordConfig.defaults().withAllowShowPassword(true),
                PendingUser.of(Fixtures.alice())));

        assertThat(challenge.component()).isEqualTo("ak-stage-password");
        assertThat(challenge.fields()).isEqualTo(Map.of(
                "pending_user", "alice",
                "pending_user_avatar", "/static/dist/assets/images/user_default.png",
                "allow_show_password", true));
    }

    @Test
    void challenge_identifierInContext_displaysIdentifierAndWithoutUserDisplaysEmpty() {
        var withIdentifier = aliceContext().with(ContextKeys.PENDING_USER_IDENTIFIER, "alice@example.com");

        assertThat(STAGE.challenge(withIdentifier).field("pending_user")).isEqualTo("alice@example.com");
        assertThat(STAGE.challenge(context(PasswordConfig.defaults(), null)).field("pending_user")).isEqualTo("");
    }

    @Test
    void submit_correctPassword_proceedsAsVerifiedAndResetsCounter() {
        var ctx = aliceContext().withRaw(ATTEMPTS, 2L).with(ContextKeys.VERIFIED_CREDENTIALS, List.of("earlier"));

        proceeded(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)));

        assertThat(ctx.pendingUser()).contains(PendingUser.of(Fixtures.alice()));
        assertThat(ctx.get(ContextKeys.AUTH_METHOD)).contains("password");
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).contains(List.of("earlier", "default-password"));
        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).isEmpty();
        assertThat(ctx.events()).isEmpty();
    }

    @Test
    void submit_passwordAsSecretValue_isAccepted() {
        var ctx = aliceContext();

        proceeded(submit(ctx, Map.of("password", Secret.of(Fixtures.ALICE_PASSWORD))));
    }

    @Test
    void submit_wrongPassword_rejectsCountsAndPublishesLoginFailed() {
        var ctx = aliceContext();

        rejectedWith(submit(ctx, Map.of("password", "wrong")), INVALID);

        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).contains(1);
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).isEmpty();
        assertThat(ctx.events()).singleElement().isInstanceOfSatisfying(FlowEvent.LoginFailed.class, event -> {
            assertThat(event.userId()).isEqualTo("u-alice");
            assertThat(event.stageName()).isEqualTo("default-password");
            assertThat(event.at()).isEqualTo(TestContext.NOW);
        });
    }

    @Test
    void submit_pretendUser_rejectsExactlyLikeWrongPasswordAfterOneVerification() {
        var ctx = context(PasswordConfig.defaults(), PendingUser.pretend("mallory"));

        rejectedWith(submit(ctx, Map.of("password", "anything")), INVALID);

        assertThat(ctx.hasher().verifications()).isEqualTo(1);
        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).contains(1);
        assertThat(ctx.events()).singleElement().isInstanceOfSatisfying(FlowEvent.LoginFailed.class,
                event -> assertThat(event.userId()).isEmpty());
    }

    @Test
    void submit_userWithoutHashInactiveOrDeleted_rejectsInvalidPasswordAfterOneVerificationEach() {
        var noHash = context(PasswordConfig.defaults(), PendingUser.of(Fixtures.bob()));
        var inactive = aliceContext().withUser(Fixtures.alice().withActive(false));
        var deleted = context(PasswordConfig.defaults(), new PendingUser("u-gone", "gone", ""));

        rejectedWith(submit(noHash, Map.of("password", "")), ResponseErrors.of("password",
                new ErrorDetail("This field may not be blank.", "blank")));
        rejectedWith(submit(noHash, Map.of("password", "guess")), INVALID);
        rejectedWith(submit(inactive, Map.of("password", Fixtures.ALICE_PASSWORD)), INVALID);
        rejectedWith(submit(deleted, Map.of("password", "guess")), INVALID);

        assertThat(noHash.hasher().verifications() + inactive.hasher().verifications()
                + deleted.hasher().verifications()).isEqualTo(3);
    }

    @Test
    void submit_userWithHashOfUnknownAlgorithm_rejectsAfterOneVerification() {
        var ctx = aliceContext().withUser(Fixtures.alice().withPasswordHash("$2b$12$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNO"));

        rejectedWith(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)), INVALID);

        assertThat(ctx.hasher().verifications()).isEqualTo(1);
    }

    @Test
    void submit_missingEmptyOrNonStringPassword_rejectsWithoutCounting() {
        var ctx = aliceContext();

        rejectedWith(submit(ctx, Map.of()), ResponseErrors.of("password",
                new ErrorDetail("This field is required.", "required")));
        rejectedWith(submit(ctx, Map.of("password", "")), ResponseErrors.of("password",
                new ErrorDetail("This field may not be blank.", "blank")));
        rejectedWith(submit(ctx, Map.of("password", List.of("x"))), ResponseErrors.invalid("password", "Not a valid string."));

        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).isEmpty();
        assertThat(ctx.hasher().verifications()).isZero();
    }

    @Test
    void submit_whitespacePassword_isVerifiedNotBlank() {
        var ctx = aliceContext();

        rejectedWith(submit(ctx, Map.of("password", "   ")), INVALID);

        assertThat(ctx.hasher().verifications()).isEqualTo(1);
    }

    @Test
    void submit_noPendingUser_deniesNoPendingUser() {
        deniedWith(submit(context(PasswordConfig.defaults(), null), Map.of("password", "x")), "No pending user.");
    }

    @Test
    void submit_fifthWrongPassword_deniesInvalidPassword() {
        var ctx = aliceContext();

        for (int i = 1; i <= 4; i++) {
            rejectedWith(submit(ctx, Map.of("password", "wrong" + i)), INVALID);
        }
        deniedWith(submit(ctx, Map.of("password", "wrong5")), "Invalid password");

        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).contains(5);
        assertThat(ctx.events()).hasSize(5);
    }

    @Test
    void submit_counterFromPersistedJsonNumber_continuesCounting() {
        var ctx = context(PasswordConfig.defaults().withFailedAttemptsBeforeCancel(3), PendingUser.of(Fixtures.alice()))
                .withRaw(ATTEMPTS, 2.0d);

        deniedWith(submit(ctx, Map.of("password", "wrong")), "Invalid password");
    }

    @Test
    void submit_limitOfOne_deniesOnFirstWrongPassword() {
        var ctx = context(PasswordConfig.defaults().withFailedAttemptsBeforeCancel(1), PendingUser.of(Fixtures.alice()));

        deniedWith(submit(ctx, Map.of("password", "wrong")), "Invalid password");
    }

    @Test
    void failedAttemptsKey_isScopedToStageName() {
        assertThat(PasswordStage.failedAttemptsKey("a").name()).isEqualTo("goauthentik.io/stages/password/a/failed_attempts");
        assertThat(PasswordStage.failedAttemptsKey("a")).isNotEqualTo(PasswordStage.failedAttemptsKey("b"));
    }

    private static TestContext<PasswordConfig> limited(TestContext<PasswordConfig> ctx, AttemptLimiter limiter) {
        return ctx.withService(AttemptLimiter.class, limiter).withRequest(RequestInfo.anonymous().withClientIp(CLIENT));
    }

    private static InMemoryAttemptLimiter lockedLimiter(String key) {
        var limiter = new InMemoryAttemptLimiter();
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure(key, TestContext.NOW);
        }
        return limiter;
    }

    @Test
    void submit_identifierLockedByLimiter_rejectsRightPasswordAsThrottledAfterAHashOfNothing() {
        var ctx = limited(aliceContext(), lockedLimiter(ALICE_KEY));

        rejectedWith(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)), THROTTLED);

        assertThat(ctx.hasher().verifications()).isEqualTo(1);
        assertThat(ctx.hasher().nothingVerifications()).as("the password is not checked").isEqualTo(1);
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).isEmpty();
        assertThat(ctx.get(PasswordStage.failedAttemptsKey("default-password"))).as("not a counted guess").isEmpty();
        assertThat(ctx.events()).singleElement().isInstanceOf(FlowEvent.LoginFailed.class);
    }

    @Test
    void submit_clientAddressLockedByLimiter_rejectsAsThrottled() {
        var ctx = limited(aliceContext(), lockedLimiter(CLIENT_KEY));

        rejectedWith(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)), THROTTLED);
    }

    @Test
    void submit_wrongPassword_recordsAFailureForTheIdentifierAndTheClientAddress() {
        var limiter = InMemoryAttemptLimiter.builder().maxFailures(1).build();
        var ctx = limited(aliceContext(), limiter);

        rejectedWith(submit(ctx, Map.of("password", "wrong")), INVALID);

        assertThat(limiter.check(ALICE_KEY, TestContext.NOW).allowed()).isFalse();
        assertThat(limiter.check(CLIENT_KEY, TestContext.NOW).allowed()).isFalse();
    }

    @Test
    void submit_rightPassword_forgetsTheIdentifierButNotTheClientAddress() {
        var limiter = InMemoryAttemptLimiter.builder().maxFailures(2).build();
        var ctx = limited(aliceContext(), limiter);
        rejectedWith(submit(ctx, Map.of("password", "wrong")), INVALID);

        proceeded(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)));
        limiter.recordFailure(ALICE_KEY, TestContext.NOW);
        limiter.recordFailure(CLIENT_KEY, TestContext.NOW);

        assertThat(limiter.check(ALICE_KEY, TestContext.NOW).allowed()).isTrue();
        assertThat(limiter.check(CLIENT_KEY, TestContext.NOW).allowed()).isFalse();
    }

    @Test
    void submit_limiterWithUnknownClientAddress_countsOnlyTheIdentifier() {
        var limiter = InMemoryAttemptLimiter.builder().maxFailures(1).build();
        var ctx = aliceContext().withService(AttemptLimiter.class, limiter);

        rejectedWith(submit(ctx, Map.of("password", "wrong")), INVALID);

        assertThat(limiter.size()).isEqualTo(1);
        assertThat(limiter.check(ALICE_KEY, TestContext.NOW).allowed()).isFalse();
    }

    @Test
    void submit_pretendUserTypedInOtherCase_isCountedAndLockedLikeARealUser() {
        var limiter = lockedLimiter("password:id:mallory");
        var pretend = limited(context(PasswordConfig.defaults(), PendingUser.pretend(" Mallory")), limiter);
        var real = limited(aliceContext(), lockedLimiter(ALICE_KEY));

        rejectedWith(submit(pretend, Map.of("password", "anything")), THROTTLED);
        rejectedWith(submit(real, Map.of("password", "anything")), THROTTLED);

        assertThat(pretend.hasher().verifications()).isEqualTo(real.hasher().verifications()).isEqualTo(1);
        assertThat(pretend.events()).hasSameSizeAs(real.events());
    }

    @Test
    void submit_typedIdentifierInContext_isTheLimiterKey() {
        var limiter = lockedLimiter("password:id:alice@example.com");
        var ctx = limited(aliceContext().with(ContextKeys.PENDING_USER_IDENTIFIER, "Alice@Example.com"), limiter);

        rejectedWith(submit(ctx, Map.of("password", Fixtures.ALICE_PASSWORD)), THROTTLED);
    }
}
