package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.Challenge;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowResult;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.Totp;
import dev.flowstage.stages.authenticator.totp.TotpAlgorithm;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.validate.NotConfiguredAction;
import dev.flowstage.stages.testing.MfaEngine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** not_configured_action skip / deny / configure, for a user without an allowed device. */
class NotConfiguredActionTest {
    private static final Totp TOTP = new Totp(TotpAlgorithm.SHA1, 6, 30);

    @AfterAll
    static void transcript() {
        MfaEngine.flush("stages-builtin-mfa-not-configured.jsonl");
    }

    private static MfaEngine engine(AuthenticatorValidateConfig validate) {
        return new MfaEngine(MfaFlows.twoFactorSignIn(MfaFlows.AUTHENTICATION, validate),
                MfaFlows.totpSetup(MfaFlows.TOTP_SETUP, AuthenticatorTotpConfig.defaults()),
                MfaFlows.staticSetup(MfaFlows.STATIC_SETUP, AuthenticatorStaticConfig.defaults()));
    }

    @Test
    void skip_userWithoutDevice_signsInWithoutSecondFactor() {
        try (MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults())) {
            FlowResult done = mfa.signInAlice(MfaFlows.AUTHENTICATION);

            assertThat(done).isInstanceOf(FlowResult.Completed.class);
            assertThat(((FlowResult.Completed) done).context().get(ContextKeys.VERIFIED_CREDENTIALS))
                    .contains(List.of("default-authentication-password"));
        }
    }

    @Test
    void deny_userWithoutDevice_isDeniedNamingTheReason() {
        try (MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults().withNotConfiguredAction(NotConfiguredAction.DENY))) {
            FlowResult denied = mfa.signInAlice(MfaFlows.AUTHENTICATION);

            assertThat(denied).isInstanceOf(FlowResult.Denied.class);
            assertThat(((FlowResult.Denied) denied).message()).isEqualTo("No (allowed) MFA authenticator configured.");
        }
    }

    @Test
    void deny_deviceOfAClassThatIsNotAllowed_countsAsNotConfigured() {
        try (MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults().withNotConfiguredAction(NotConfiguredAction.DENY)
                .withDeviceClasses(DeviceKind.WEBAUTHN))) {
            FlowResult setup = mfa.startAs(MfaFlows.STATIC_SETUP, "u-alice");
            mfa.submit(setup, Map.of());

            assertThat(mfa.signInAlice(MfaFlows.AUTHENTICATION)).isInstanceOf(FlowResult.Denied.class);
        }
    }

    @Test
    void configure_oneFlow_redirectsThereAndStillRequiresTheNewDevice() {
        try (MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults().withConfigurationStages(MfaFlows.TOTP_SETUP))) {
            FlowResult redirect = mfa.signInAlice(MfaFlows.AUTHENTICATION);
            Challenge challenge = expect(redirect, "xak-flow-redirect");
            assertThat(challenge.field("to")).isEqualTo(
                    "/if/flow/default-authenticator-totp-setup/?next=%2Fif%2Fflow%2Fdefault-authentication-flow%2F");

            FlowResult stillThere = mfa.submit(redirect, Map.of("to", challenge.field("to")));
            expect(stillThere, "xak-flow-redirect");

            FlowResult setup = mfa.startAs(MfaFlows.TOTP_SETUP, "u-alice");
            byte[] seed = TotpJourneyTest.seedOf(expect(setup, "ak-stage-authenticator-totp"));
            assertThat(mfa.submit(setup, Map.of("code", TOTP.code(seed, TOTP.step(mfa.clock.instant())))))
                    .isInstanceOf(FlowResult.Completed.class);
            mfa.clock.advance(Duration.ofSeconds(30));

            FlowResult back = mfa.current(redirect);
            expect(back, AuthenticatorValidateStage.COMPONENT);
            assertThat(back.challenge().field("device_challenges")).asInstanceOf(InstanceOfAssertFactories.LIST).hasSize(1);
            FlowResult noFactor = mfa.submit(back, Map.of("to", "/"));
            assertThat(noFactor).isInstanceOf(FlowResult.Pending.class);
            FlowResult done = mfa.submit(noFactor, Map.of("code", TOTP.code(seed, TOTP.step(mfa.clock.instant()))));
            assertThat(done).isInstanceOf(FlowResult.Completed.class);
        }
    }

    @Test
    void configure_severalFlows_listsThemAndRedirectsToTheSelectedOne() {
        try (MfaEngine mfa = engine(AuthenticatorValidateConfig.defaults()
                .withConfigurationStages(MfaFlows.TOTP_SETUP, MfaFlows.STATIC_SETUP))) {
            FlowResult choice = mfa.signInAlice(MfaFlows.AUTHENTICATION);
            Challenge challenge = expect(choice, AuthenticatorValidateStage.COMPONENT);
            List<?> stages = (List<?>) challenge.field("configuration_stages");
            assertThat(stages).hasSize(2);
            assertThat(challenge.field("device_challenges")).isEqualTo(List.of());
            Map<?, ?> staticFlow = (Map<?, ?>) stages.get(1);
            assertThat(staticFlow.get("name")).isEqualTo(MfaFlows.STATIC_SETUP);

            FlowResult wrong = mfa.submit(choice, Map.of("selected_stage", "no-such-flow"));
            assertThat(wrong.challenge().responseErrors().forField("selected_stage")).hasSize(1);
            FlowResult redirect = mfa.submit(wrong, Map.of("selected_stage", staticFlow.get("pk")));

            assertThat(expect(redirect, "xak-flow-redirect").field("to").toString())
                    .startsWith("/if/flow/default-authenticator-static-setup/?next=");
        }
    }
}
