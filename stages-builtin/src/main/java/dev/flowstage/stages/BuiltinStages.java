package dev.flowstage.stages;

import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.spi.Stage;
import dev.flowstage.stages.authenticator.email.AuthenticatorEmailStage;
import dev.flowstage.stages.authenticator.staticcodes.AuthenticatorStaticStage;
import dev.flowstage.stages.authenticator.totp.AuthenticatorTotpStage;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateConfig;
import dev.flowstage.stages.authenticator.validate.AuthenticatorValidateStage;
import dev.flowstage.stages.authenticator.webauthn.AuthenticatorWebAuthnStage;
import dev.flowstage.stages.consent.ConsentConfig;
import dev.flowstage.stages.consent.ConsentStage;
import dev.flowstage.stages.deny.DenyConfig;
import dev.flowstage.stages.deny.DenyStage;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.dummy.DummyStage;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.email.EmailStage;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.IdentificationStage;
import dev.flowstage.stages.invitation.InvitationConfig;
import dev.flowstage.stages.invitation.InvitationStage;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.password.PasswordStage;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.prompt.PromptStage;
import dev.flowstage.stages.redirect.RedirectConfig;
import dev.flowstage.stages.redirect.RedirectStage;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userlogin.UserLoginStage;
import dev.flowstage.stages.userlogout.UserLogoutStage;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import dev.flowstage.stages.userwrite.UserWriteStage;
import java.util.List;

/**
 * Registers the built-in stage types and defines stages of them tersely. The password-based
 * stages need a {@link dev.flowstage.spi.PasswordHasher} service on the engine (see {@code
 * dev.flowstage.stages.hash}).
 *
 * <pre>{@code
 * builder.stages(BuiltinStages.all())
 *        .stage(BuiltinStages.identification("default-identification", IdentificationConfig.defaults()))
 * }</pre>
 */
public final class BuiltinStages {
    private static final List<Stage<?>> ALL = List.of(
            new IdentificationStage(),
            new PasswordStage(),
            new UserLoginStage(),
            new UserLogoutStage(),
            new DenyStage(),
            new DummyStage(),
            new RedirectStage(),
            new UserWriteStage(),
            new InvitationStage(),
            new EmailStage(),
            new PromptStage(),
            new AuthenticatorTotpStage(),
            new AuthenticatorStaticStage(),
            new AuthenticatorWebAuthnStage(),
            new AuthenticatorEmailStage(),
            new AuthenticatorValidateStage(),
            new ConsentStage());

    private BuiltinStages() {}

    /** Returns one instance of every built-in stage type; they are stateless and may be shared. */
    public static List<Stage<?>> all() {
        return ALL;
    }

    /** Returns an identification stage ({@value IdentificationStage#TYPE}) named {@code name}. */
    public static StageDefinition identification(String name, IdentificationConfig config) {
        return IdentificationStage.definition(name, config);
    }

    /** Returns a password stage ({@value PasswordStage#TYPE}) named {@code name}. */
    public static StageDefinition password(String name, PasswordConfig config) {
        return PasswordStage.definition(name, config);
    }

    /** Returns a user login stage ({@value UserLoginStage#TYPE}) named {@code name}. */
    public static StageDefinition userLogin(String name, UserLoginConfig config) {
        return UserLoginStage.definition(name, config);
    }

    /** Returns a user logout stage ({@value UserLogoutStage#TYPE}) named {@code name}. */
    public static StageDefinition userLogout(String name) {
        return UserLogoutStage.definition(name);
    }

    /** Returns a deny stage ({@value DenyStage#TYPE}) named {@code name} showing {@code message} ("" for "Unknown error"). */
    public static StageDefinition deny(String name, String message) {
        return DenyStage.definition(name, new DenyConfig(message));
    }

    /** Returns a dummy stage ({@value DummyStage#TYPE}) named {@code name}. */
    public static StageDefinition dummy(String name, DummyConfig config) {
        return DummyStage.definition(name, config);
    }

    /** Returns a prompt stage ({@value PromptStage#TYPE}) named {@code name}. */
    public static StageDefinition prompt(String name, PromptConfig config) {
        return PromptStage.definition(name, config);
    }

    /** Returns an authenticator validation (MFA) stage ({@value AuthenticatorValidateStage#TYPE}) named {@code name}. */
    public static StageDefinition authenticatorValidate(String name, AuthenticatorValidateConfig config) {
        return AuthenticatorValidateStage.definition(name, config);
    }

    /**
     * Returns a consent stage ({@value ConsentStage#TYPE}) named {@code name}; it needs a
     * {@link dev.flowstage.spi.ConsentStore} service unless its mode is always_require.
     */
    public static StageDefinition consent(String name, ConsentConfig config) {
        return ConsentStage.definition(name, config);
    }

    /** Returns a user write stage ({@value UserWriteStage#TYPE}) named {@code name}. */
    public static StageDefinition userWrite(String name, UserWriteConfig config) {
        return UserWriteStage.definition(name, config);
    }

    /** Returns an invitation stage ({@value InvitationStage#TYPE}) named {@code name}. */
    public static StageDefinition invitation(String name, InvitationConfig config) {
        return InvitationStage.definition(name, config);
    }

    /**
     * Returns an email stage ({@value EmailStage#TYPE}) named {@code name}; it needs a
     * {@link dev.flowstage.spi.Mailer} service unless its config has its own SMTP settings.
     */
    public static StageDefinition email(String name, EmailConfig config) {
        return EmailStage.definition(name, config);
    }

    /** Returns a redirect stage ({@value RedirectStage#TYPE}) named {@code name}. */
    public static StageDefinition redirect(String name, RedirectConfig config) {
        return RedirectStage.definition(name, config);
    }
}
