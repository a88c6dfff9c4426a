package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice;
import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowResult;
import dev.flowstage.stages.authenticator.internal.CodeHashes;
import dev.flowstage.stages.authenticator.internal.StaticCodes;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.testing.MfaEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Static recovery codes end to end: shown once, stored hashed, each signs in once. */
class StaticCodesJourneyTest {
    private final MfaEngine mfa = new MfaEngine(
            MfaFlows.staticSetup(MfaFlows.STATIC_SETUP, AuthenticatorStaticConfig.defaults()),
            MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()));

    @AfterEach
    void close() {
        mfa.close();
    }

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-static.jsonl");
    }

    @Test
    void setUp_codesShownOnceAndStoredOnlyAsHashes() {
        FlowResult setup = mfa.startAs(MfaFlows.STATIC_SETUP, "u-alice");
        List<String> codes = codesOf(setup);

        assertThat(codes).hasSize(6).doesNotHaveDuplicates().allMatch(code -> code.matches("[a-zA-Z0-9]{12}"));
        assertThat(codesOf(mfa.current(setup))).as("a re-render shows the same codes").isEqualTo(codes);
        assertThat(mfa.submit(setup, Map.of())).isInstanceOf(FlowResult.Completed.class);

        AuthenticatorDevice device = mfa.devices.findByUser("u-alice").get(0);
        assertThat(device.kind()).isEqualTo(AuthenticatorDevice.DeviceKind.STATIC);
        assertThat(device.data().get(StaticCodes.CODES)).isEqualTo(codes.stream().map(CodeHashes::sha256).toList());
        assertThat(device.data().toString()).doesNotContain(codes.get(0));
    }

    @Test
    void signIn_withACode_completesAndThatCodeIsRefusedNextTime() {
        List<String> codes = setUp();

        assertThat(mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", codes.get(0))))
                .isInstanceOf(FlowResult.Completed.class);
        FlowResult reuse = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", codes.get(0)));

        expect(reuse, AuthenticatorValidateStage.COMPONENT);
        assertThat(reuse.challenge().responseErrors().forField("code"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.INVALID_TOKEN));
        assertThat(mfa.submit(reuse, Map.of("code", codes.get(1)))).isInstanceOf(FlowResult.Completed.class);
        assertThat(StaticCodes.remaining(mfa.devices.findByUser("u-alice").get(0))).isEqualTo(4);
    }

    @Test
    void signIn_wrongCode_reChallenges() {
        setUp();
        FlowResult again = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", "not-a-code-at-all"));

        expect(again, AuthenticatorValidateStage.COMPONENT);
        assertThat(again.challenge().responseErrors().forField("code")).hasSize(1);
    }

    @Test
    void signIn_blankOrMissingFactor_isRejectedWithoutCounting() {
        setUp();
        FlowResult validate = mfa.signInAlice(MfaFlows.AUTHENTICATION);

        FlowResult blank = mfa.submit(validate, Map.of("code", ""));
        FlowResult empty = mfa.submit(blank, Map.of());

        assertThat(blank.challenge().responseErrors().forField("code")).extracting(ErrorDetail::code).containsExactly("blank");
        assertThat(empty.challenge().responseErrors().forField("non_field_errors"))
                .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.EMPTY_RESPONSE));
    }

    @Test
    void setUp_stageInsideAFlowWithoutVerifiedUser_passesThrough() {
        var stage = new AuthenticatorStaticStage();
        var ctx = dev.flowstage.stages.testing.TestContext.of(AuthenticatorStaticConfig.defaults())
                .withUser(dev.flowstage.stages.testing.Fixtures.alice())
                .with(dev.flowstage.api.ContextKeys.PENDING_USER,
                        dev.flowstage.api.PendingUser.of(dev.flowstage.stages.testing.Fixtures.alice()));

        assertThat(stage.arrive(ctx)).isInstanceOf(dev.flowstage.spi.StageResult.Proceed.class);
    }

    private List<String> setUp() {
        FlowResult setup = mfa.startAs(MfaFlows.STATIC_SETUP, "u-alice");
        List<String> codes = codesOf(setup);
        assertThat(mfa.submit(setup, Map.of("component", "ak-stage-authenticator-static")))
                .isInstanceOf(FlowResult.Completed.class);
        return codes;
    }

    private static List<String> codesOf(FlowResult result) {
        Object codes = expect(result, AuthenticatorStaticStage.COMPONENT).field("codes");
        return ((List<?>) codes).stream().map(Object::toString).toList();
    }
}
