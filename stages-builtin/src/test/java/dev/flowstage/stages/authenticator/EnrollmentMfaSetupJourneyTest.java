package dev.flowstage.stages.authenticator;

import static dev.flowstage.stages.testing.MfaEngine.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowResult;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.prompt.PromptField;
import dev.flowstage.stages.prompt.PromptFieldType;
import dev.flowstage.stages.prompt.PromptStage;
import dev.flowstage.stages.testing.MfaEngine;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import dev.flowstage.stages.userwrite.UserWriteStage;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An enrollment flow may set up a second factor only for the account it created: one that
 * identifies an existing account must not let the client attach a device to it.
 */
class EnrollmentMfaSetupJourneyTest {
    private static final PromptConfig NAME_PROMPT = PromptConfig.of(
            PromptField.of("username", "Username", PromptFieldType.USERNAME),
            PromptField.of("name", "Name", PromptFieldType.TEXT));

    private static final StageDefinition TOTP = AuthenticatorTotpStage.definition("totp", AuthenticatorTotpConfig.defaults());

    private final MfaEngine mfa = new MfaEngine(
            enrollment("claim-totp", identification(), TOTP),
            enrollment("claim-static", identification(),
                    AuthenticatorStaticStage.definition("static", AuthenticatorStaticConfig.defaults())),
            enrollment("claim-webauthn", identification(),
                    AuthenticatorWebAuthnStage.definition("webauthn", AuthenticatorWebAuthnConfig.defaults())),
            enrollment("claim-after-write", identification(),
                    PromptStage.definition("prompt", PromptConfig.of(PromptField.of("name", "Name", PromptFieldType.TEXT))),
                    UserWriteStage.definition("write", UserWriteConfig.defaults()), TOTP),
            enrollment("sign-up", PromptStage.definition("prompt", NAME_PROMPT),
                    UserWriteStage.definition("write", UserWriteConfig.defaults()), TOTP));

    private static StageDefinition identification() {
        return IdentificationStage.definition("identification", IdentificationConfig.defaults());
    }

    private static FlowDefinition enrollment(String slug, StageDefinition... stages) {
        var builder = FlowDefinition.builder(slug).title(slug).designation(Designation.ENROLLMENT);
        for (int i = 0; i < stages.length; i++) {
            builder.stage(10 * (i + 1), stages[i]);
        }
        return builder.build();
    }

    @AfterEach
    void close() {
        mfa.close();
    }

    @Test
    void setUp_existingUserIdentifiedInAnEnrollmentFlow_isSkippedForEveryDeviceKind() {
        for (String slug : new String[] {"claim-totp", "claim-static", "claim-webauthn"}) {
            FlowResult identification = mfa.start(slug);
            expect(identification, IdentificationStage.COMPONENT);

            FlowResult after = mfa.submit(identification, Map.of("uid_field", "alice"));

            assertThat(after).as(slug).isInstanceOf(FlowResult.Completed.class);
        }
        assertThat(mfa.devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void setUp_existingUserUpdatedByUserWriteInAnEnrollmentFlow_isSkipped() {
        FlowResult prompt = mfa.submit(mfa.start("claim-after-write"), Map.of("uid_field", "alice"));
        expect(prompt, PromptStage.COMPONENT);

        assertThat(mfa.submit(prompt, Map.of("name", "Mallory was here"))).isInstanceOf(FlowResult.Completed.class);
        assertThat(mfa.devices.findByUser("u-alice")).isEmpty();
    }

    @Test
    void setUp_userJustCreatedByUserWrite_isOffered() {
        FlowResult prompt = mfa.start("sign-up");
        expect(prompt, PromptStage.COMPONENT);

        FlowResult totp = mfa.submit(prompt, Map.of("username", "carol", "name", "Carol"));

        expect(totp, AuthenticatorTotpStage.COMPONENT);
        assertThat(totp.challenge().field("pending_user")).isEqualTo("carol");
    }
}
