package dev.flowstage.stages.authenticator;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailConfig;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticConfig;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpConfig;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnConfig;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.email.EmailStage;
import dev.flowstage.stages.email.EmailTemplate;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.password.PasswordStage;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.prompt.PromptField;
import dev.flowstage.stages.prompt.PromptFieldType;
import dev.flowstage.stages.prompt.PromptStage;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogin.UserLoginStage;
import dev.flowstage.stages.userwrite.UserCreationMode;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import dev.flowstage.stages.userwrite.UserWriteStage;
import java.util.List;

/**
 * authentik's multi-factor flows as Java definitions, with the slugs and stage names of its
 * default blueprints: two-factor sign-in ({@code default-authentication-flow}), recovery with MFA
 * verification ({@code default-recovery-flow}), and one set-up flow per device kind ({@code default-authenticator-*-setup}: stage_configuration, for signed-in
 * users only). Register the stages they use (the built-in ones plus the authenticator ones) on
 * the engine.
 */
public final class MfaFlows {
    /** The slug of the two-factor sign-in flow. */
    public static final String AUTHENTICATION = "default-authentication-flow";
    /** The slug of the recovery flow with MFA verification. */
    public static final String RECOVERY = "default-recovery-flow";
    /** The slug of the TOTP set-up flow. */
    public static final String TOTP_SETUP = "default-authenticator-totp-setup";
    /** The slug of the static recovery codes set-up flow. */
    public static final String STATIC_SETUP = "default-authenticator-static-setup";
    /** The slug of the WebAuthn set-up flow. */
    public static final String WEBAUTHN_SETUP = "default-authenticator-webauthn-setup";
    /** The slug of the email code set-up flow. */
    public static final String EMAIL_SETUP = "default-authenticator-email-setup";

    private MfaFlows() {}

    /**
     * Returns the two-factor sign-in flow {@code slug}: identification (10) → password (20) →
     * authenticator validation (30, configured by {@code validate}) → login (100), with the stage
     * names of authentik's {@code default-authentication-flow} blueprint.
     */
    public static FlowDefinition twoFactorSignIn(String slug, AuthenticatorValidateConfig validate) {
        return FlowDefinition.builder(slug).name("Welcome!").title("Welcome!")
                .designation(Designation.AUTHENTICATION)
                .stage(10, IdentificationStage.definition("default-authentication-identification",
                        IdentificationConfig.defaults()))
                .stage(20, PasswordStage.definition("default-authentication-password", PasswordConfig.defaults()))
                .stage(30, AuthenticatorValidateStage.definition("default-authentication-mfa-validation", validate))
                .stage(100, UserLoginStage.definition("default-authentication-login", UserLoginConfig.defaults()))
                .build();
    }

    /**
     * Returns the recovery flow {@code slug} with MFA verification (authentik's {@code
     * flows-recovery-email-mfa-verification} example): identification (10) → a recovery link mailed
     * under {@code linkBaseUrl} (20) → authenticator validation (30, configured by {@code validate})
     * → new password twice (40) → write it (50) → login (100). A user with a second factor cannot
     * reset the password with the mailbox alone.
     */
    public static FlowDefinition recoveryWithMfa(String slug, String linkBaseUrl, AuthenticatorValidateConfig validate) {
        PromptConfig newPassword = new PromptConfig(List.of(
                PromptField.of("default-recovery-field-password", "password", "Password", PromptFieldType.PASSWORD)
                        .withPlaceholder("Password").withOrder(0),
                PromptField.of("default-recovery-field-password-repeat", "password_repeat", "Password (repeat)",
                        PromptFieldType.PASSWORD).withPlaceholder("Password (repeat)").withOrder(1)), List.of());
        return FlowDefinition.builder(slug).title("Reset your password").designation(Designation.RECOVERY)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, IdentificationStage.definition("default-recovery-identification", IdentificationConfig.defaults()))
                .stage(20, EmailStage.definition("default-recovery-email",
                        EmailConfig.defaults(linkBaseUrl).withTemplate(EmailTemplate.PASSWORD_RESET)
                                .withSubject("Reset your password")))
                .stage(30, AuthenticatorValidateStage.definition("default-recovery-mfa", validate))
                .stage(40, PromptStage.definition("default-recovery-user-write-prompt", newPassword))
                .stage(50, UserWriteStage.definition("default-recovery-user-write",
                        UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE)))
                .stage(100, UserLoginStage.definition("default-recovery-user-login", UserLoginConfig.defaults()))
                .build();
    }

    /** Returns the TOTP set-up flow {@code slug} with one TOTP stage of the same name. */
    public static FlowDefinition totpSetup(String slug, AuthenticatorTotpConfig config) {
        return setup(slug, "Set up Two-Factor authentication", AuthenticatorTotpStage.definition(slug, config));
    }

    /** Returns the static recovery codes set-up flow {@code slug} with one static stage of the same name. */
    public static FlowDefinition staticSetup(String slug, AuthenticatorStaticConfig config) {
        return setup(slug, "Set up Static OTP Tokens", AuthenticatorStaticStage.definition(slug, config));
    }

    /** Returns the WebAuthn set-up flow {@code slug} with one WebAuthn stage of the same name. */
    public static FlowDefinition webAuthnSetup(String slug, AuthenticatorWebAuthnConfig config) {
        return setup(slug, "Set up WebAuthn", AuthenticatorWebAuthnStage.definition(slug, config));
    }

    /** Returns the email code set-up flow {@code slug} with one email authenticator stage of the same name. */
    public static FlowDefinition emailSetup(String slug, AuthenticatorEmailConfig config) {
        return setup(slug, "Set up Email codes", AuthenticatorEmailStage.definition(slug, config));
    }

    private static FlowDefinition setup(String slug, String title, StageDefinition stage) {
        return FlowDefinition.builder(slug).title(title).designation(Designation.STAGE_CONFIGURATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .stage(0, stage)
                .build();
    }
}
