package dev.flowstage.stages.redirect;

import static dev.flowstage.stages.testing.Results.deniedWith;
import static dev.flowstage.stages.testing.Results.proceeded;
import static dev.flowstage.stages.testing.Results.shown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.stages.testing.TestContext;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectStageTest {
    private static final RedirectStage STAGE = new RedirectStage();

    private static Object target(TestContext<RedirectConfig> ctx) {
        shown(STAGE.arrive(ctx));
        return STAGE.challenge(ctx).field("to");
    }

    @Test
    void challenge_staticRelativeTarget_redirectsThere() {
        var ctx = TestContext.of(RedirectConfig.toStatic("/if/user/"));

        assertThat(target(ctx)).isEqualTo("/if/user/");
        assertThat(STAGE.challenge(ctx).component()).isEqualTo("xak-flow-redirect");
        assertThat(STAGE.challenge(ctx).fields()).containsOnlyKeys("to");
    }

    @Test
    void challenge_staticUrlOnAllowedHost_redirectsThereIgnoringHostCase() {
        var ctx = TestContext.of(RedirectConfig.toStatic("https://app.example.com/home").withAllowedHosts("App.Example.COM"));

        assertThat(target(ctx)).isEqualTo("https://app.example.com/home");
    }

    @Test
    void challenge_flowMode_redirectsToFlowPage() {
        assertThat(target(TestContext.of(RedirectConfig.toFlow("enroll")))).isEqualTo("/if/flow/enroll/");
    }

    @Test
    void challenge_contextFlowTarget_overridesConfig() {
        var ctx = TestContext.of(RedirectConfig.toStatic("/if/user/")).with(RedirectStage.TARGET_KEY, "ak-flow://other-flow");

        assertThat(target(ctx)).isEqualTo("/if/flow/other-flow/");
    }

    @Test
    void challenge_contextSafeUrl_overridesConfig() {
        var ctx = TestContext.of(RedirectConfig.toFlow("enroll")).with(RedirectStage.TARGET_KEY, "/after");

        assertThat(target(ctx)).isEqualTo("/after");
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "https://evil.example/", "//evil.example/x", "ak-flow://../admin",
        "data:text/html,hi", "/ok\\..\\evil"})
    void arrive_unsafeContextTarget_deniesNotAllowed(String target) {
        var ctx = TestContext.of(RedirectConfig.toStatic("/if/user/").withAllowedHosts("app.example.com"))
                .with(RedirectStage.TARGET_KEY, target);

        deniedWith(STAGE.arrive(ctx), "Redirect target is not allowed.");
        assertThatThrownBy(() -> STAGE.challenge(ctx)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void arrive_noTargetAnywhere_deniesNoTarget() {
        var ctx = TestContext.of(new RedirectConfig(RedirectMode.FLOW, null, null, true, Set.of()));

        deniedWith(STAGE.arrive(ctx), "No target found for Redirect stage.");
    }

    @Test
    void submit_anyResponse_proceeds() {
        var ctx = TestContext.of(RedirectConfig.toStatic("/if/user/"));

        proceeded(STAGE.submit(ctx, ChallengeResponse.of(Map.of("to", "/if/user/"))));
        proceeded(STAGE.submit(ctx, ChallengeResponse.empty()));
    }

    @Test
    void validate_unsafeStaticTarget_reportsIt() {
        assertThat(STAGE.validate(RedirectConfig.toStatic("javascript:alert(1)")))
                .singleElement().asString().contains("target_static 'javascript:alert(1)'");
        assertThat(STAGE.validate(RedirectConfig.toStatic("https://other.example/")))
                .singleElement().asString().contains("allowed_hosts");
    }

    @Test
    void validate_missingTargetForMode_reportsIt() {
        assertThat(STAGE.validate(new RedirectConfig(RedirectMode.STATIC, " ", "flow", true, Set.of())))
                .containsExactly("target_static is required in static mode");
        assertThat(STAGE.validate(new RedirectConfig(RedirectMode.FLOW, null, null, true, Set.of())))
                .containsExactly("target_flow is required in flow mode");
    }

    @Test
    void validate_safeTargets_reportsNothing() {
        assertThat(STAGE.validate(RedirectConfig.toStatic("/if/user/"))).isEmpty();
        assertThat(STAGE.validate(RedirectConfig.toStatic("https://app.example.com/").withAllowedHosts("app.example.com")))
                .isEmpty();
        assertThat(STAGE.validate(RedirectConfig.toFlow("enroll"))).isEmpty();
    }

    @Test
    void mode_wireNames_roundTrip() {
        assertThat(RedirectMode.fromWireName("static")).isEqualTo(RedirectMode.STATIC);
        assertThat(RedirectMode.FLOW.wireName()).isEqualTo("flow");
        assertThatThrownBy(() -> RedirectMode.fromWireName("nope")).hasMessageContaining("'nope'");
    }
}
