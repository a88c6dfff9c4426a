package dev.flowstage.samples.host;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.samples.journeys.Journeys;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.dummy.DummyConfig;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.prompt.PromptChoice;
import dev.flowstage.stages.prompt.PromptConfig;
import dev.flowstage.stages.prompt.PromptField;
import dev.flowstage.stages.prompt.PromptFieldType;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import dev.flowstage.stages.userwrite.UserCreationMode;
import dev.flowstage.stages.userwrite.UserWriteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's flows, defined in Java (blueprints can replace them): sign-in with recovery and
 * enrollment links, the journeys of {@link Journeys} (enrollment, invitation, recovery, password
 * change), logout, user settings, the first admin's initial setup, authorization with and without
 * consent, a sign-in with remember-me for the second brand, the terms-of-service sign-in, and a
 * showcase of every prompt field type.
 */
final class DemoFlows {
    /** authentik's default authentication flow: identification (recovery and enrollment links), password, user_login. */
    static final String LOGIN = Journeys.AUTHENTICATION;
    /** The same flow with the sample terms-of-service stage before the login. */
    static final String TERMS_LOGIN = "terms-login";
    /** The staff brand's sign-in, which offers "remember me". */
    static final String STAFF_LOGIN = "staff-authentication-flow";
    /** authentik's default invalidation (logout) flow. */
    static final String LOGOUT = "default-invalidation-flow";
    /** authentik's default user settings flow: name and email. */
    static final String USER_SETTINGS = "default-user-settings-flow";
    /** authorization with an explicit consent. */
    static final String EXPLICIT_CONSENT = "default-provider-authorization-explicit-consent";
    /** authorization without a question. */
    static final String IMPLICIT_CONSENT = "default-provider-authorization-implicit-consent";
    /** A flow showing every prompt field type, then a dummy stage. */
    static final String SHOWCASE = "prompt-showcase";
    /** The terms version the demo asks users to accept. */
    static final String TERMS_VERSION = "2026-01";
    /** How long a session from {@value #TERMS_LOGIN} lasts (the default flow makes browser sessions). */
    static final Duration TERMS_LOGIN_SESSION = Duration.ofHours(8);
    /** How long a staff session lasts without "remember me". */
    static final Duration STAFF_SESSION = Duration.ofHours(8);
    /** How much longer a staff session lasts with "remember me". */
    static final Duration STAFF_REMEMBER_ME = Duration.ofDays(30);

    private static final StageDefinition IDENTIFICATION = BuiltinStages.identification(
            "default-authentication-identification",
            IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)
                    .withRecoveryFlow(Journeys.RECOVERY).withEnrollmentFlow(Journeys.OPEN_ENROLLMENT));
    private static final StageDefinition PASSWORD =
            BuiltinStages.password("default-authentication-password", PasswordConfig.defaults());

    private DemoFlows() {}

    /** Returns every flow of the demo; mailed links start with {@code linkBaseUrl}. */
    static List<FlowDefinition> all(String linkBaseUrl, String admin) {
        Journeys journeys = new Journeys(linkBaseUrl);
        List<FlowDefinition> flows = new ArrayList<>(List.of(login(), termsLogin(), staffLogin(), logout(), userSettings(),
                initialSetup(admin), explicitConsent(), implicitConsent(), showcase()));
        flows.addAll(List.of(journeys.invitationEnrollment(), journeys.openEnrollment(), journeys.emailVerifiedEnrollment(),
                journeys.recovery(), journeys.passwordChange()));
        return flows;
    }

    /** Returns {@value #LOGIN}: like {@link Journeys#authentication()}, but open to signed-in users too, as authentik's. */
    static FlowDefinition login() {
        return FlowDefinition.builder(LOGIN)
                .title("Welcome to Flowstage!")
                .designation(Designation.AUTHENTICATION)
                .stage(10, IDENTIFICATION)
                .stage(20, PASSWORD)
                .stage(100, BuiltinStages.userLogin("default-authentication-login", UserLoginConfig.defaults()))
                .build();
    }

    /** Returns {@value #TERMS_LOGIN}. */
    static FlowDefinition termsLogin() {
        return FlowDefinition.builder(TERMS_LOGIN)
                .title("Welcome to Flowstage!")
                .designation(Designation.AUTHENTICATION)
                .stage(10, IDENTIFICATION)
                .stage(20, PASSWORD)
                .stage(30, TermsOfServiceStage.definition("terms-of-service", TermsOfServiceStage.Config.inline(
                        TERMS_VERSION, "Use this demo for testing only. Be excellent to each other.")))
                .stage(100, BuiltinStages.userLogin("terms-login-login",
                        UserLoginConfig.defaults().withSessionDuration(TERMS_LOGIN_SESSION)))
                .build();
    }

    /** Returns {@value #STAFF_LOGIN}: sessions of {@link #STAFF_SESSION}, or 30 days longer when remembered. */
    static FlowDefinition staffLogin() {
        return FlowDefinition.builder(STAFF_LOGIN)
                .title("Staff sign-in")
                .designation(Designation.AUTHENTICATION)
                .background("/static/flowstage/background-staff.svg")
                .stage(10, IDENTIFICATION)
                .stage(20, PASSWORD)
                .stage(100, BuiltinStages.userLogin("staff-login", UserLoginConfig.defaults()
                        .withSessionDuration(STAFF_SESSION).withRememberMeOffset(STAFF_REMEMBER_ME)))
                .build();
    }

    /** Returns {@value #LOGOUT}: one user_logout stage. */
    static FlowDefinition logout() {
        return FlowDefinition.builder(LOGOUT)
                .title("Default Invalidation Flow")
                .designation(Designation.INVALIDATION)
                .stage(0, BuiltinStages.userLogout("default-invalidation-logout"))
                .build();
    }

    /** Returns {@value #USER_SETTINGS}: the signed-in user's name and email → user_write. */
    static FlowDefinition userSettings() {
        return FlowDefinition.builder(USER_SETTINGS)
                .title("Update your info")
                .designation(Designation.STAGE_CONFIGURATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .stage(20, BuiltinStages.prompt("default-user-settings", PromptConfig.of(
                        PromptField.of("default-user-settings-field-name", "name", "Name", PromptFieldType.TEXT)
                                .withInitialValueExpression("user.name").withOrder(1),
                        PromptField.of("default-user-settings-field-email", "email", "Email", PromptFieldType.EMAIL)
                                .withInitialValueExpression("user.email").withOrder(2))))
                .stage(100, BuiltinStages.userWrite("default-user-settings-write",
                        UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE)))
                .build();
    }

    /**
     * Returns {@value InitialSetup#FLOW}: authentik's out-of-box flow for the first admin. It
     * applies only while {@code admin} has no usable password: email and password twice, then the
     * admin is written (never created) and signed in.
     */
    static FlowDefinition initialSetup(String admin) {
        return FlowDefinition.builder(InitialSetup.FLOW)
                .title("Welcome to Flowstage!")
                .designation(Designation.STAGE_CONFIGURATION)
                .policy(PolicyBinding.policy(InitialSetup.policy(admin)))
                .stage(10, BuiltinStages.prompt("initial-setup-prompt", new PromptConfig(List.of(
                        PromptField.of("initial-setup-field-email", "email", "Email", PromptFieldType.EMAIL)
                                .withPlaceholder("Admin email").withOrder(100)
                                .withSubText("Set the email address and password of the default admin user, " + admin + "."),
                        PromptField.of("initial-setup-field-password", "password", "Password", PromptFieldType.PASSWORD)
                                .withPlaceholder("Password").withOrder(300),
                        PromptField.of("initial-setup-field-password-repeat", "password_repeat", "Password (repeat)",
                                PromptFieldType.PASSWORD).withPlaceholder("Password (repeat)").withOrder(301)),
                        List.of(Journeys.passwordPolicy()))))
                .stage(20, InitialSetup.stage(admin))
                .stage(30, BuiltinStages.userWrite("initial-setup-write",
                        UserWriteConfig.defaults().withUserCreationMode(UserCreationMode.NEVER_CREATE)))
                .stage(100, BuiltinStages.userLogin("initial-setup-login", UserLoginConfig.defaults()))
                .build();
    }

    /** Returns {@value #EXPLICIT_CONSENT}: signed-in users consent before the application opens. */
    static FlowDefinition explicitConsent() {
        return FlowDefinition.builder(EXPLICIT_CONSENT)
                .title("Redirecting to %(app)s")
                .designation(Designation.AUTHORIZATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .stage(0, ConsentStage.definition("default-provider-authorization-consent",
                        new ConsentStage.Config(List.of("Your name and email address"))))
                .build();
    }

    /** Returns {@value #IMPLICIT_CONSENT}: nothing to ask. */
    static FlowDefinition implicitConsent() {
        return FlowDefinition.builder(IMPLICIT_CONSENT)
                .title("Redirecting to %(app)s")
                .designation(Designation.AUTHORIZATION)
                .authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED)
                .build();
    }

    /** Returns {@value #SHOWCASE}: a prompt with every field type, then a dummy stage; changes nothing. */
    static FlowDefinition showcase() {
        return FlowDefinition.builder(SHOWCASE)
                .title("Every kind of field")
                .designation(Designation.STAGE_CONFIGURATION)
                .stage(10, BuiltinStages.prompt("prompt-showcase-prompt", new PromptConfig(showcaseFields(), List.of())))
                .stage(20, BuiltinStages.dummy("prompt-showcase-dummy", DummyConfig.defaults()))
                .build();
    }

    private static List<PromptField> showcaseFields() {
        List<PromptField> fields = new ArrayList<>();
        fields.add(field("intro", "About", PromptFieldType.STATIC).withPlaceholder("Fill in the form; nothing is stored."));
        fields.add(field("nickname", "Nickname", PromptFieldType.TEXT).withPlaceholder("What friends call you")
                .withSubText("Shown next to your messages."));
        fields.add(field("bio", "About you", PromptFieldType.TEXT_AREA).withRequired(false));
        fields.add(field("plan", "Plan", PromptFieldType.TEXT_READ_ONLY).withInitialValue("Free"));
        fields.add(field("age", "Age", PromptFieldType.NUMBER).withRequired(false));
        fields.add(field("contact", "Contact", PromptFieldType.SEPARATOR).withPlaceholder("How to reach you"));
        fields.add(field("contact_email", "Email", PromptFieldType.EMAIL).withRequired(false));
        fields.add(field("color", "Favourite colour", PromptFieldType.RADIO_BUTTON_GROUP).withChoices(
                new PromptChoice("Red", "red"), new PromptChoice("Green", "green"), new PromptChoice("Blue", "blue")));
        fields.add(field("team", "Team", PromptFieldType.DROPDOWN).withChoices(
                new PromptChoice("Development", "dev"), new PromptChoice("Operations", "ops")));
        fields.add(field("birthday", "Birthday", PromptFieldType.DATE).withRequired(false));
        fields.add(field("meeting", "Next meeting", PromptFieldType.DATE_TIME).withRequired(false));
        fields.add(field("source", "Source", PromptFieldType.HIDDEN).withPlaceholder("showcase"));
        fields.add(field("newsletter", "Send me the newsletter", PromptFieldType.CHECKBOX).withRequired(false));
        List<PromptField> ordered = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            ordered.add(fields.get(i).withOrder(i * 10));
        }
        return ordered;
    }

    private static PromptField field(String key, String label, PromptFieldType type) {
        return PromptField.of("prompt-showcase-field-" + key.replace('_', '-'), key, label, type);
    }
}
