package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.ErrorDetail;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.stages.authenticator.internal.StaticCodes;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.testing.Fixtures;
import dev.flowstage.stages.testing.MfaEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wrong second-factor codes are counted across executions by the attempt limiter. */
class MfaAttemptLimitJourneyTest {
    private static final ErrorDetail THROTTLED_30 =
            new ErrorDetail("Too many failed attempts. Please try again in 30 seconds.", "throttled");

    private final MfaEngine mfa = new MfaEngine(
            MfaFlows.staticSetup(MfaFlows.STATIC_SETUP, AuthenticatorStaticConfig.defaults()),
            MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, AuthenticatorValidateConfig.defaults()));

    @AfterEach
    void close() {
        mfa.close();
    }

    @Test
    void signIn_fiveWrongCodesInFiveExecutions_throttleTheRightCodeUntilTheLockoutEnds() {
        List<String> codes = setUp();
        for (int i = 0; i < 5; i++) {
            FlowResult wrong = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", "wrongcode" + i));
            assertThat(wrong.challenge().responseErrors().forField("code"))
                    .containsExactly(ErrorDetail.invalid(AuthenticatorValidateStage.INVALID_TOKEN));
        }

        FlowResult throttled = mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", codes.get(0)));

        expect(throttled, AuthenticatorValidateStage.COMPONENT);
        assertThat(throttled.challenge().responseErrors().forField("code")).containsExactly(THROTTLED_30);
        assertThat(StaticCodes.remaining(mfa.devices.findByUser("u-alice").get(0))).as("not consumed").isEqualTo(6);
        mfa.clock.advance(Duration.ofSeconds(30));
        assertThat(mfa.submit(throttled, Map.of("code", codes.get(0)))).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void signIn_rightCodeAfterFailures_resetsTheCount() {
        List<String> codes = setUp();
        for (int i = 0; i < 4; i++) {
            mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", "wrongcode" + i));
        }
        assertThat(mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", codes.get(0))))
                .isInstanceOf(FlowResult.Completed.class);
        for (int i = 0; i < 4; i++) {
            mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", "again" + i));
        }

        assertThat(mfa.submit(mfa.signInAlice(MfaFlows.AUTHENTICATION), Map.of("code", codes.get(1))))
                .isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void signIn_wrongCodesFromOneAddress_lockThatAddressForSecondFactors() {
        List<String> codes = setUp();
        RequestInfo attacker = RequestInfo.anonymous().withClientIp("203.0.113.66");
        for (int i = 0; i < 5; i++) {
            mfa.submit(signInAlice(attacker), Map.of("code", "wrongcode" + i));
            mfa.limiter.recordSuccess("mfa:id:u-alice"); // forget the account's count: only the address's remains
        }

        FlowResult fromAttacker = mfa.submit(signInAlice(attacker), Map.of("code", codes.get(0)));
        FlowResult fromElsewhere = mfa.submit(signInAlice(RequestInfo.anonymous().withClientIp("203.0.113.67")),
                Map.of("code", codes.get(0)));

        assertThat(fromAttacker.challenge().responseErrors().forField("code")).containsExactly(THROTTLED_30);
        assertThat(fromElsewhere).isInstanceOf(FlowResult.Completed.class);
    }

    private FlowResult signInAlice(RequestInfo request) {
        FlowResult identification = mfa.start(MfaFlows.AUTHENTICATION, request);
        FlowResult password = mfa.submit(identification, Map.of("uid_field", "alice"));
        return mfa.submit(password, Map.of("password", Fixtures.ALICE_PASSWORD));
    }

    private List<String> setUp() {
        FlowResult setup = mfa.startAs(MfaFlows.STATIC_SETUP, "u-alice");
        List<String> codes = ((List<?>) expect(setup, AuthenticatorStaticStage.COMPONENT).field("codes")).stream()
                .map(Object::toString).toList();
        assertThat(mfa.submit(setup, Map.of())).isInstanceOf(FlowResult.Completed.class);
        return codes;
    }
}
