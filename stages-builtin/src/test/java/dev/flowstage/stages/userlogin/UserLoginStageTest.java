package dev.flowstage.stages.userlogin;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.rejectedWith;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.Login;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.TestContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserLoginStageTest {
    private static final UserLoginStage STAGE = new UserLoginStage();
    private static final UserLoginConfig REMEMBER = UserLoginConfig.defaults()
            .withSessionDuration(Duration.ofHours(8)).withRememberMeOffset(Duration.ofDays(30));

    private static TestContext<UserLoginConfig> aliceContext(UserLoginConfig config) {
        return TestContext.of(config).withUser(Fixtures.alice())
                .with(ContextKeys.PENDING_USER, PendingUser.of(Fixtures.alice()))
                .with(ContextKeys.AUTH_METHOD, "password");
    }

    @Test
    void arrive_noRememberMe_logsInAtOnceWithBrowserSession() {
        var ctx = aliceContext(UserLoginConfig.defaults());

        proceeded(ctx.apply(STAGE.arrive(ctx)));

        assertThat(ctx.get(ContextKeys.LOGIN)).contains(new Login("u-alice", Duration.ZERO, false, "password"));
    }

    @Test
    void arrive_sessionDurationWithoutAuthMethod_usesDurationAndEmptyMethod() {
        var ctx = TestContext.of(UserLoginConfig.defaults().withSessionDuration(Duration.ofHours(1)))
                .withUser(Fixtures.alice()).with(ContextKeys.PENDING_USER, PendingUser.of(Fixtures.alice()));

        proceeded(ctx.apply(STAGE.arrive(ctx)));

        assertThat(ctx.get(ContextKeys.LOGIN)).contains(new Login("u-alice", Duration.ofHours(1), false, ""));
    }

    @Test
    void arrive_noPendingOrPretendUser_deniesNoPendingUser() {
        var none = TestContext.of(UserLoginConfig.defaults());
        var pretend = TestContext.of(UserLoginConfig.defaults()).with(ContextKeys.PENDING_USER, PendingUser.pretend("x"));

        deniedWith(STAGE.arrive(none), "No Pending user to login.");
        deniedWith(STAGE.arrive(pretend), "No Pending user to login.");
    }

    @Test
    void arrive_inactiveUser_deniesUserNotActive() {
        var ctx = aliceContext(UserLoginConfig.defaults()).withUser(Fixtures.alice().withActive(false));

        deniedWith(STAGE.arrive(ctx), "User is not active.");
    }

    @Test
    void arrive_rememberMeOffered_showsChallengeWithUserInfo() {
        var ctx = aliceContext(REMEMBER);

        shown(STAGE.arrive(ctx));

        assertThat(STAGE.challenge(ctx).component()).isEqualTo("ak-stage-user-login");
        assertThat(STAGE.challenge(ctx).fields()).isEqualTo(Map.of(
                "pending_user", "alice", "pending_user_avatar", "/static/dist/assets/images/user_default.png"));
    }

    @Test
    void submit_rememberMeTrue_addsOffsetToSession() {
        var ctx = aliceContext(REMEMBER);

        proceeded(ctx.apply(STAGE.submit(ctx, ChallengeResponse.of(Map.of("remember_me", true)))));

        assertThat(ctx.get(ContextKeys.LOGIN))
                .contains(new Login("u-alice", Duration.ofHours(8).plusDays(30), true, "password"));
    }

    @Test
    void submit_rememberMeFalseOrFormOff_keepsSessionDuration() {
        var ctx = aliceContext(REMEMBER);

        proceeded(ctx.apply(STAGE.submit(ctx, ChallengeResponse.of(Map.of("remember_me", "off")))));

        assertThat(ctx.get(ContextKeys.LOGIN)).contains(new Login("u-alice", Duration.ofHours(8), false, "password"));
    }

    @Test
    void submit_missingOrNonBooleanRememberMe_rejects() {
        var ctx = aliceContext(REMEMBER);

        rejectedWith(STAGE.submit(ctx, ChallengeResponse.empty()),
                ResponseErrors.of("remember_me", new ErrorDetail("This field is required.", "required")));
        rejectedWith(STAGE.submit(ctx, ChallengeResponse.of(Map.of("remember_me", "maybe"))),
                ResponseErrors.invalid("remember_me", "Must be a valid boolean."));
    }

    @Test
    void validate_negativeDurations_reportsEach() {
        var config = new UserLoginConfig(Duration.ofSeconds(-1), Duration.ofSeconds(-2));

        assertThat(STAGE.validate(config)).hasSize(2).anySatisfy(p -> assertThat(p).contains("session_duration"));
        assertThat(STAGE.validate(REMEMBER)).isEmpty();
    }
}
