package dev.flowstage.samples.journeys;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.policy.PasswordPolicyConfig;
import dev.flowstage.policy.PasswordPolicyType;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.email.EmailConfig;
import dev.flowstage.stages.email.EmailTemplate;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.invitation.InvitationConfig;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userwrite.UserCreationMode;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import java.util.List;
import java.util.Objects;

/**
 * The seed journeys, as authentik ships them (see docs/journeys.md). Built for one base URL, which
 * the email stages put in front of their links. Immutable and thread-safe.
 */
public final class Journeys {
    /** Slug of the sign-in flow; its identification stage links to recovery and enrollment. */
    public static final String AUTHENTICATION = "default-authentication-flow";
    /** Slug of the invitation enrollment flow. */
    public static final String INVITATION_ENROLLMENT = "default-enrollment-invitation";
    /** Slug of the open two-stage enrollment flow. */
    public static final String OPEN_ENROLLMENT = "default-enrollment-flow";
    /** Slug of the enrollment flow that verifies the email address. */
    public static final String EMAIL_VERIFIED_ENROLLMENT = "default-enrollment-email-verification";
    /** Slug of the password recovery flow. */
    public static final String RECOVERY = "default-recovery-flow";
    /** Slug of the password change flow (for signed-in users). */
    public static final String PASSWORD_CHANGE = "default-password-change";
    /** The group invitation enrollment puts new users in. */
    public static final String ADMINS = "Admins";

    private final String linkBaseUrl;

    /** Creates the journeys whose mailed links start with {@code linkBaseUrl}, such as {@code https://login.example.com}. */
    public Journeys(String linkBaseUrl) {
        this.linkBaseUrl = Objects.requireNonNull(linkBaseUrl, "linkBaseUrl");
    }

    /** Returns every journey of this class. */
    public List<FlowDefinition> all() {
        return List.of(authentication(), invitationEnrollment(), openEnrollment(), emailVerifiedEnrollment(), recovery(),
                passwordChange());
    }

    /** Identification (username or email, with recovery and enrollment links) → password → login. */
    public FlowDefinition authentication() {
        return FlowDefinition.builder(AUTHENTICATION)
                .title("Welcome to Flowstage!")
                .designation(Designation.AUTHENTICATION)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("default-authentication-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)
                                .withRecoveryFlow(RECOVERY).withEnrollmentFlow(OPEN_ENROLLMENT)))
                .stage(20, BuiltinStages.password("default-authentication-password", PasswordConfig.defaults()))
                .stage(100, login())
                .build();
    }

    /**
     * Invitation (required) → prompt for username, name, email and password (pre-filled from the
     * invitation or a signed-in user) → write the user, inactive, in {@value #ADMINS} → confirm the
     * email address, which activates the user → login.
     */
    public FlowDefinition invitationEnrollment() {
        return FlowDefinition.builder(INVITATION_ENROLLMENT)
                .title("Welcome! You have been invited.")
                .designation(Designation.ENROLLMENT)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(5, BuiltinStages.invitation("invitation-enrollment-invitation", InvitationConfig.defaults()))
                .stage(10, BuiltinStages.prompt("invitation-enrollment-prompt", new PromptConfig(
                        JourneyPrompts.account(), List.of(passwordPolicy()))))
                .stage(20, BuiltinStages.userWrite("invitation-enrollment-write", UserWriteConfig.defaults()
                        .withCreateUsersAsInactive(true).withCreateUsersGroup(ADMINS)))
                .stage(30, BuiltinStages.email("invitation-enrollment-email", confirmation()))
                .stage(100, login())
                .build();
    }

    /** authentik's two-stage example: prompt for username and password, then name and email → write → login. */
    public FlowDefinition openEnrollment() {
        return enrollment(OPEN_ENROLLMENT, "Sign up", false);
    }

    /** The open enrollment with the user created inactive until the mailed link confirms the address. */
    public FlowDefinition emailVerifiedEnrollment() {
        return enrollment(EMAIL_VERIFIED_ENROLLMENT, "Sign up and confirm your email address", true);
    }

    /**
     * Identification (username or email) → mail a recovery link → prompt for a new password →
     * write it → login. Unknown addresses get the same "email sent" answer and no mail. Opened with
     * a recovery key, it starts at the new password.
     */
    public FlowDefinition recovery() {
        return FlowDefinition.builder(RECOVERY)
                .title("Reset your password")
                .designation(Designation.RECOVERY)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("default-recovery-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)),
                        binding -> binding.policy(notByRecoveryKey()))
                .stage(20, BuiltinStages.email("default-recovery-email",
                        EmailConfig.defaults(linkBaseUrl).withTemplate(EmailTemplate.PASSWORD_RESET)
                                .withSubject("Reset your password")),
                        binding -> binding.policy(notByRecoveryKey()))
                .stage(30, newPassword("default-recovery-password"))
                .stage(40, BuiltinStages.userWrite("default-recovery-write",
                        UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE)))
                .stage(100, login())
                .build();
    }

    /** authentik's default password change: prompt for the new password (with the password policy) → write it. */
    public FlowDefinition passwordChange() {
        return FlowDefinition.builder(PASSWORD_CHANGE)
                .title("Change password")
                .designation(Designation.STAGE_CONFIGURATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .stage(0, newPassword("default-password-change-prompt"))
                .stage(1, BuiltinStages.userWrite("default-password-change-write",
                        UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE)))
                .build();
    }

    /**
     * Skips identification and the mailed link when the execution was opened with a recovery key
     * (the {@code flowstage recovery-key create} command): the key already names the user and was
     * handed to them out of band, as authentik's "skip if restored" policy does.
     */
    public static PolicyDefinition notByRecoveryKey() {
        return PolicyDefinition.expression("default-recovery-skip-if-recovery-key", "context.recovery_key != true");
    }

    /** The password policy of every journey: at least 8 characters, as authentik's default. */
    public static PolicyDefinition passwordPolicy() {
        return PasswordPolicyType.definition("default-password-change-password-policy", PasswordPolicyConfig.defaults()
                .withLengthMin(8).withErrorMessage("Password needs to be 8 characters or longer."));
    }

    private FlowDefinition enrollment(String slug, String title, boolean verifyEmail) {
        FlowDefinition.Builder flow = FlowDefinition.builder(slug)
                .title(title)
                .designation(Designation.ENROLLMENT)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.prompt(slug + "-prompt-first", new PromptConfig(
                        JourneyPrompts.credentials(), List.of(passwordPolicy()))))
                .stage(11, BuiltinStages.prompt(slug + "-prompt-second", new PromptConfig(
                        JourneyPrompts.details(), List.of())))
                .stage(20, BuiltinStages.userWrite(slug + "-write", UserWriteConfig.defaults()
                        .withUserCreationMode(UserCreationMode.ALWAYS_CREATE).withCreateUsersAsInactive(verifyEmail)))
                .stage(100, login());
        if (verifyEmail) {
            flow.stage(30, BuiltinStages.email(slug + "-email", confirmation()));
        }
        return flow.build();
    }

    private EmailConfig confirmation() {
        return EmailConfig.defaults(linkBaseUrl).withTemplate(EmailTemplate.ACCOUNT_CONFIRMATION)
                .withSubject("Confirm your email address").withActivateUserOnSuccess(true);
    }

    private static dev.flowstage.api.definition.StageDefinition newPassword(String name) {
        return BuiltinStages.prompt(name, new PromptConfig(JourneyPrompts.newPassword(), List.of(passwordPolicy())));
    }

    private static dev.flowstage.api.definition.StageDefinition login() {
        return BuiltinStages.userLogin("default-user-login", UserLoginConfig.defaults());
    }
}
