package dev.flowstage.stages.identification;

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
import dev.flowstage.api.definition.Designation;
import dev.flowstage.core.InMemoryAttemptLimiter;
import dev.flowstage.spi.AttemptLimiter;
import dev.flowstage.spi.StageResult;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentificationStageTest {
    private static final IdentificationStage STAGE = new IdentificationStage();
    private static final ResponseErrors FAILED = ResponseErrors.nonField("Failed to authenticate.", "invalid");
    private static final ResponseErrors NO_DATA = ResponseErrors.nonField("No identification data provided.", "invalid");
    private static final IdentificationConfig INLINE = IdentificationConfig.defaults().withPasswordField(true);

    private static TestContext<IdentificationConfig> context(IdentificationConfig config) {
        return TestContext.of(config).named("default-identification").withUser(Fixtures.alice()).withUser(Fixtures.bob());
    }

    private static StageResult submit(TestContext<IdentificationConfig> ctx, Map<String, ?> data) {
        return ctx.apply(STAGE.submit(ctx, ChallengeResponse.of(data)));
    }

    @Test
    void challenge_defaults_matchAuthentikDefaultFlowShape() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("user_fields", List.of("username", "email"));
        expected.put("password_fields", false);
        expected.put("allow_show_password", false);
        expected.put("flow_designation", "authentication");
        expected.put("captcha_stage", null);
        expected.put("primary_action", "Log in");
        expected.put("sources", List.of());
        expected.put("show_source_labels", false);
        expected.put("enable_remember_me", false);
        expected.put("passkey_challenge", null);

        var challenge = STAGE.challenge(context(IdentificationConfig.defaults()));

        assertThat(challenge.component()).isEqualTo("ak-stage-identification");
        assertThat(challenge.fields()).containsExactlyEntriesOf(expected);
    }

    @Test
    void challenge_linkedFlowsAndInlinePassword_addUrlsAndFlags() {
        IdentificationConfig config = IdentificationConfig.defaults().withEnrollmentFlow("sign-up")
                .withRecoveryFlow("recover").withPasswordlessFlow("passkey").withPasswordField(true)
                .withAllowShowPassword(true).withEnableRememberMe(true).withUserFields(UserField.EMAIL);

        var fields = STAGE.challenge(context(config)).fields();

        assertThat(fields).containsEntry("enroll_url", "/if/flow/sign-up/")
                .containsEntry("recovery_url", "/if/flow/recover/")
                .containsEntry("passwordless_url", "/if/flow/passkey/")
                .containsEntry("password_fields", true)
                .containsEntry("allow_show_password", true)
                .containsEntry("enable_remember_me", true)
                .containsEntry("user_fields", List.of("email"));
    }

    @Test
    void challenge_nonAuthenticationFlow_primaryActionIsContinue() {
        var ctx = context(IdentificationConfig.defaults()).designated(Designation.RECOVERY);

        assertThat(STAGE.challenge(ctx).fields())
                .containsEntry("primary_action", "Continue")
                .containsEntry("flow_designation", "recovery");
    }

    @Test
    void challenge_identifierInContext_prefillsPendingUserIdentifier() {
        var ctx = context(IdentificationConfig.defaults()).with(ContextKeys.PENDING_USER_IDENTIFIER, "alice@example.com");

        assertThat(STAGE.challenge(ctx).fields()).containsEntry("pending_user_identifier", "alice@example.com");
        assertThat(STAGE.challenge(context(IdentificationConfig.defaults())).fields())
                .doesNotContainKey("pending_user_identifier");
    }

    @Test
    void submit_missingBlankOrNonStringUid_rejectsNoIdentificationData() {
        var ctx = context(IdentificationConfig.defaults());
        Map<String, Object> nullUid = new HashMap<>();
        nullUid.put("uid_field", null);

        rejectedWith(submit(ctx, Map.of()), NO_DATA);
        rejectedWith(submit(ctx, nullUid), NO_DATA);
        rejectedWith(submit(ctx, Map.of("uid_field", "   ")), NO_DATA);
        rejectedWith(submit(ctx, Map.of("uid_field", 42)), NO_DATA);
    }

    @Test
    void submit_knownUsername_proceedsWithPendingUser() {
        var ctx = context(IdentificationConfig.defaults());

        proceeded(submit(ctx, Map.of("uid_field", " alice ")));

        assertThat(ctx.pendingUser()).contains(PendingUser.of(Fixtures.alice()));
        assertThat(ctx.get(ContextKeys.PENDING_USER_IDENTIFIER)).as("what was typed is displayed").contains("alice");
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).isEmpty();
        assertThat(ctx.hasher().verifications()).isZero();
    }

    @Test
    void submit_emailInOtherCase_matchesCaseInsensitivelyByDefault() {
        var ctx = context(IdentificationConfig.defaults());

        proceeded(submit(ctx, Map.of("uid_field", "ALICE@example.COM")));

        assertThat(ctx.pendingUser().map(PendingUser::id)).contains("u-alice");
    }

    @Test
    void submit_otherCaseWithExactMatching_isTreatedAsUnknown() {
        var pretending = context(IdentificationConfig.defaults().withCaseInsensitiveMatching(false));
        var strict = context(IdentificationConfig.defaults().withCaseInsensitiveMatching(false).withPretendUserExists(false));

        proceeded(submit(pretending, Map.of("uid_field", "bob")));
        rejectedWith(submit(strict, Map.of("uid_field", "bob")), FAILED);

        assertThat(pretending.pendingUser()).contains(PendingUser.pretend("bob"));
    }

    @Test
    void submit_exactCaseWithExactMatching_proceeds() {
        var ctx = context(IdentificationConfig.defaults().withCaseInsensitiveMatching(false));

        proceeded(submit(ctx, Map.of("uid_field", "Bob@Example.com")));

        assertThat(ctx.pendingUser().map(PendingUser::id)).contains("u-bob");
    }

    @Test
    void submit_fieldNotConfigured_isNotMatched() {
        var ctx = context(IdentificationConfig.defaults().withUserFields(UserField.EMAIL).withPretendUserExists(false));

        rejectedWith(submit(ctx, Map.of("uid_field", "alice")), FAILED);
    }

    @Test
    void submit_unknownUserWithPretend_proceedsWithPretendUserWithoutHashing() {
        var ctx = context(IdentificationConfig.defaults());

        proceeded(submit(ctx, Map.of("uid_field", "mallory")));

        assertThat(ctx.pendingUser()).contains(PendingUser.pretend("mallory"));
        assertThat(ctx.hasher().verifications()).isZero();
        assertThat(ctx.events()).isEmpty();
    }

    @Test
    void submit_unknownUserWithoutPretend_rejectsFailedToAuthenticate() {
        var ctx = context(IdentificationConfig.defaults().withPretendUserExists(false));

        rejectedWith(submit(ctx, Map.of("uid_field", "mallory")), FAILED);

        assertThat(ctx.pendingUser()).isEmpty();
    }

    @Test
    void submit_showMatchedUserFalse_storesTypedIdentifier() {
        var ctx = context(IdentificationConfig.defaults().withShowMatchedUser(false));

        proceeded(submit(ctx, Map.of("uid_field", "alice@example.com")));

        assertThat(ctx.get(ContextKeys.PENDING_USER_IDENTIFIER)).contains("alice@example.com");
    }

    @Test
    void submit_showMatchedUserTrue_dropsEarlierIdentifier() {
        var ctx = context(IdentificationConfig.defaults().withShowMatchedUser(true))
                .with(ContextKeys.PENDING_USER_IDENTIFIER, "hint@example.com");

        proceeded(submit(ctx, Map.of("uid_field", "alice")));

        assertThat(ctx.get(ContextKeys.PENDING_USER_IDENTIFIER)).isEmpty();
    }

    @Test
    void submit_inactiveUserWithoutInlinePassword_proceeds() {
        var ctx = context(IdentificationConfig.defaults()).withUser(Fixtures.alice().withActive(false));

        proceeded(submit(ctx, Map.of("uid_field", "alice")));

        assertThat(ctx.pendingUser().map(PendingUser::id)).contains("u-alice");
    }

    @Test
    void submit_inlineCorrectPassword_proceedsAsPasswordVerified() {
        var ctx = context(IdentificationConfig.defaults().withPasswordField(true));

        proceeded(submit(ctx, Map.of("uid_field", "alice", "password", Fixtures.ALICE_PASSWORD)));

        assertThat(ctx.pendingUser().map(PendingUser::id)).contains("u-alice");
        assertThat(ctx.get(ContextKeys.AUTH_METHOD)).contains("password");
        assertThat(ctx.get(ContextKeys.VERIFIED_CREDENTIALS)).contains(List.of("default-identification"));
    }

    @Test
    void submit_inlineWrongPassword_rejectsAndPublishesLoginFailed() {
        var ctx = context(IdentificationConfig.defaults().withPasswordField(true));

        rejectedWith(submit(ctx, Map.of("uid_field", "alice", "password", "wrong")), FAILED);

        assertThat(ctx.pendingUser()).isEmpty();
        assertThat(ctx.events()).singleElement().isInstanceOfSatisfying(FlowEvent.LoginFailed.class,
                event -> assertThat(event.userId()).isEqualTo("u-alice"));
    }

    @Test
    void submit_inlinePasswordUnknownUser_rejectsLikeWrongPasswordAfterOneVerification() {
        var ctx = context(IdentificationConfig.defaults().withPasswordField(true));

        rejectedWith(submit(ctx, Map.of("uid_field", "mallory", "password", "anything")), FAILED);

        assertThat(ctx.hasher().verifications()).isEqualTo(1);
        assertThat(ctx.pendingUser()).isEmpty();
        assertThat(ctx.events()).singleElement().isInstanceOfSatisfying(FlowEvent.LoginFailed.class,
                event -> assertThat(event.userId()).isEmpty());
    }

    @Test
    void submit_inlinePasswordInactiveOrMissing_rejectsAfterOneVerificationEach() {
        var ctx = context(IdentificationConfig.defaults().withPasswordField(true))
                .withUser(Fixtures.alice().withActive(false));

        rejectedWith(submit(ctx, Map.of("uid_field", "alice", "password", Fixtures.ALICE_PASSWORD)), FAILED);
        rejectedWith(submit(ctx, Map.of("uid_field", "alice")), FAILED);
        rejectedWith(submit(ctx, Map.of("uid_field", "bob", "password", "")), FAILED);

        assertThat(ctx.hasher().verifications()).isEqualTo(3);
    }

    @Test
    void submit_inlineFifthWrongPassword_deniesFailedToAuthenticate() {
        var ctx = context(INLINE);

        for (int i = 1; i <= 4; i++) {
            rejectedWith(submit(ctx, Map.of("uid_field", "alice", "password", "wrong" + i)), FAILED);
        }
        deniedWith(submit(ctx, Map.of("uid_field", "alice", "password", "wrong5")), "Failed to authenticate.");

        assertThat(ctx.get(IdentificationStage.failedAttemptsKey("default-identification"))).contains(5);
        assertThat(ctx.events()).hasSize(5);
    }

    @Test
    void submit_inlineWrongPasswordsForKnownAndUnknownUsers_countAlike() {
        var known = context(INLINE.withFailedAttemptsBeforeCancel(2));
        var unknown = context(INLINE.withFailedAttemptsBeforeCancel(2));

        for (var ctx : List.of(known, unknown)) {
            String uid = ctx == known ? "alice" : "mallory";
            rejectedWith(submit(ctx, Map.of("uid_field", uid, "password", "wrong")), FAILED);
            deniedWith(submit(ctx, Map.of("uid_field", uid, "password", "wrong")), "Failed to authenticate.");
        }
        assertThat(known.hasher().verifications()).isEqualTo(unknown.hasher().verifications()).isEqualTo(2);
    }

    @Test
    void submit_inlineHundredWrongPasswords_neverStayPendingPastTheLimit() {
        var ctx = context(INLINE);
        int pending = 0;
        StageResult result = null;
        for (int i = 0; i < 100 && !(result instanceof StageResult.Deny); i++) {
            result = submit(ctx, Map.of("uid_field", "alice", "password", "guess" + i));
            pending += result instanceof StageResult.Invalid ? 1 : 0;
        }

        assertThat(result).isInstanceOf(StageResult.Deny.class);
        assertThat(pending).isEqualTo(4);
    }

    @Test
    void submit_inlineRightPasswordAfterFailures_clearsTheCount() {
        var ctx = context(INLINE);
        rejectedWith(submit(ctx, Map.of("uid_field", "alice", "password", "wrong")), FAILED);

        proceeded(submit(ctx, Map.of("uid_field", "alice", "password", Fixtures.ALICE_PASSWORD)));

        assertThat(ctx.get(IdentificationStage.failedAttemptsKey("default-identification"))).isEmpty();
    }

    @Test
    void submit_withoutInlinePassword_unknownUsersAreNotCounted() {
        var ctx = context(IdentificationConfig.defaults().withPretendUserExists(false));

        for (int i = 0; i < 6; i++) {
            rejectedWith(submit(ctx, Map.of("uid_field", "mallory" + i)), FAILED);
        }
        assertThat(ctx.get(IdentificationStage.failedAttemptsKey("default-identification"))).isEmpty();
    }

    @Test
    void submit_inlineIdentifierLockedByLimiter_rejectsThrottledWithoutCheckingThePassword() {
        var limiter = new InMemoryAttemptLimiter();
        for (int i = 0; i < 5; i++) {
            limiter.recordFailure("password:id:alice", TestContext.NOW.minusSeconds(10));
        }
        var ctx = context(INLINE).withService(AttemptLimiter.class, limiter);

        rejectedWith(submit(ctx, Map.of("uid_field", " ALICE ", "password", Fixtures.ALICE_PASSWORD)),
                ResponseErrors.of("non_field_errors",
                        new ErrorDetail("Too many failed attempts. Please try again in 20 seconds.", "throttled")));

        assertThat(ctx.hasher().nothingVerifications()).isEqualTo(1);
        assertThat(ctx.pendingUser()).isEmpty();
        assertThat(ctx.get(IdentificationStage.failedAttemptsKey("default-identification"))).isEmpty();
    }

    @Test
    void submit_inlineWrongPassword_recordsTheTypedIdentifierAndClientAddress() {
        var limiter = InMemoryAttemptLimiter.builder().maxFailures(1).build();
        var ctx = context(INLINE).withService(AttemptLimiter.class, limiter)
                .withRequest(RequestInfo.anonymous().withClientIp("198.51.100.7"));

        rejectedWith(submit(ctx, Map.of("uid_field", "Alice@Example.com", "password", "wrong")), FAILED);

        assertThat(limiter.check("password:id:alice@example.com", TestContext.NOW).allowed()).isFalse();
        assertThat(limiter.check("password:ip:198.51.100.7", TestContext.NOW).allowed()).isFalse();
        assertThat(limiter.check("password:id:alice", TestContext.NOW).allowed()).as("not the matched username").isTrue();
    }

    @Test
    void config_failedAttemptsBeforeCancel_defaultsToFiveAlsoWithTheOldConstructor() {
        assertThat(IdentificationConfig.defaults().failedAttemptsBeforeCancel()).isEqualTo(5);
        assertThat(new IdentificationConfig(List.of(UserField.EMAIL), true, true, true, true, false, null, null, null, false)
                .failedAttemptsBeforeCancel()).isEqualTo(5);
        assertThat(INLINE.withFailedAttemptsBeforeCancel(3).withEnableRememberMe(true).failedAttemptsBeforeCancel())
                .isEqualTo(3);
        assertThat(IdentificationStage.failedAttemptsKey("a").name())
                .isEqualTo("goauthentik.io/stages/identification/a/failed_attempts");
    }
}
