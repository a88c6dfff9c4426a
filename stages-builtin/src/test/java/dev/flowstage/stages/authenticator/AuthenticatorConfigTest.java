package dev.flowstage.stages.authenticator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.AuthenticatorDevice.DeviceKind;
import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.validate.NotConfiguredAction;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.authenticator.webauthn.ResidentKey;
import dev.flowstage.stages.authenticator.webauthn.UserVerification;
import dev.flowstage.stages.testing.MfaEngine;
import dev.flowstage.stages.testing.ConfigViolations;
import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The authenticator stages' type ids, configs (Bean Validation as the engine runs it) and compile-time checks. */
class AuthenticatorConfigTest {
    private static final Map<String, Stage<?>> BY_TYPE =
            MfaEngine.AUTHENTICATOR_STAGES.stream().collect(Collectors.toMap(Stage::typeId, Function.identity()));

    @Test
    void stages_typeIdsAndDefinitions_matchTheirConfigTypes() {
        List<StageDefinition> definitions = List.of(
                AuthenticatorTotpStage.definition("totp", AuthenticatorTotpConfig.defaults()),
                AuthenticatorStaticStage.definition("static", AuthenticatorStaticConfig.defaults()),
                AuthenticatorWebAuthnStage.definition("webauthn", AuthenticatorWebAuthnConfig.defaults()),
                AuthenticatorEmailStage.definition("email", AuthenticatorEmailConfig.defaults()),
                AuthenticatorValidateStage.definition("validate", AuthenticatorValidateConfig.defaults()));

        assertThat(BY_TYPE).containsOnlyKeys("builtin.authenticator_totp", "builtin.authenticator_static",
                "builtin.authenticator_webauthn", "builtin.authenticator_email", "builtin.authenticator_validate");
        assertThat(definitions).allSatisfy(definition ->
                assertThat(definition.config()).isInstanceOf(BY_TYPE.get(definition.type()).configType()));
        assertThat(BY_TYPE.values()).allSatisfy(stage -> assertThat(stage.description()).isNotEqualTo(stage.typeId()));
    }

    @Test
    void defaults_ofEveryConfig_haveNoViolationsOrProblems() {
        assertThat(List.of(AuthenticatorTotpConfig.defaults(), AuthenticatorStaticConfig.defaults(),
                AuthenticatorWebAuthnConfig.defaults(), AuthenticatorEmailConfig.defaults(),
                AuthenticatorValidateConfig.defaults())).allSatisfy(config -> assertThat(ConfigViolations.of(config)).isEmpty());
        assertThat(new AuthenticatorWebAuthnStage().validate(AuthenticatorWebAuthnConfig.defaults())).isEmpty();
        assertThat(new AuthenticatorEmailStage().validate(AuthenticatorEmailConfig.defaults())).isEmpty();
    }

    @Test
    void totp_badValues_reportedTogether() {
        assertThat(ConfigViolations.of(new AuthenticatorTotpConfig(9, 0, null, 11, "", " ")))
                .containsExactlyInAnyOrder("digits", "period", "algorithm", "tolerance", "issuer", "friendlyName");
    }

    @Test
    void static_tooFewOrShortCodes_reported() {
        assertThat(ConfigViolations.of(AuthenticatorStaticConfig.defaults().withTokenCount(0).withTokenLength(9)))
                .containsExactlyInAnyOrder("tokenCount", "tokenLength");
    }

    @Test
    void webauthn_attestationOtherThanNoneAndForeignOrigins_reported() {
        var config = new AuthenticatorWebAuthnConfig("example.com", "Example", Set.of("https://evil.example",
                "http://example.com", "https://login.example.com"), UserVerification.REQUIRED, ResidentKey.REQUIRED,
                "direct", "Key");

        assertThat(ConfigViolations.of(config)).containsExactly("attestation");
        assertThat(new AuthenticatorWebAuthnStage().validate(config)).containsExactlyInAnyOrder(
                "origins: 'https://evil.example' is not an https origin on relying party id 'example.com'",
                "origins: 'http://example.com' is not an https origin on relying party id 'example.com'");
        assertThat(ConfigViolations.of(new AuthenticatorWebAuthnConfig(null, "", Set.of(), null, null, null, "")))
                .containsExactlyInAnyOrder("rpId", "rpName", "origins", "userVerification", "residentKey", "attestation",
                        "friendlyName");
    }

    @Test
    void email_nonPositiveValidity_reported() {
        assertThat(new AuthenticatorEmailStage().validate(AuthenticatorEmailConfig.defaults().withCodeValidity(Duration.ZERO)))
                .containsExactly("code_validity must be positive, got PT0S");
        assertThat(ConfigViolations.of(AuthenticatorEmailConfig.defaults().withFailedAttemptsBeforeCancel(0)))
                .containsExactly("failedAttemptsBeforeCancel");
    }

    @Test
    void validate_emptyClassesBadSlugsAndZeroAttempts_reported() {
        var config = new AuthenticatorValidateConfig(Set.of(), NotConfiguredAction.CONFIGURE, List.of("bad/slug"),
                Duration.ZERO, UserVerification.PREFERRED, Set.of(), 0);

        assertThat(ConfigViolations.of(config)).containsExactlyInAnyOrder("deviceClasses", "configurationStages[0].<list element>",
                "failedAttemptsBeforeCancel");
        assertThat(AuthenticatorValidateConfig.defaults().withDeviceClasses(DeviceKind.TOTP).deviceClasses())
                .containsExactly(DeviceKind.TOTP);
    }

    @Test
    void engine_flowWithInvalidAuthenticatorConfig_isRefusedWithEveryProblem() {
        var broken = MfaFlows.twoFactorSignIn("broken", AuthenticatorValidateConfig.defaults()
                .withNotConfiguredAction(NotConfiguredAction.CONFIGURE).withFailedAttemptsBeforeCancel(0));

        try {
            new MfaEngine(broken).close();
            throw new AssertionError("the engine accepted a broken flow");
        } catch (FlowDefinitionException e) {
            assertThat(String.join("\n", e.problems())).contains("configuration_stages", "failedAttemptsBeforeCancel");
        }
    }
}
