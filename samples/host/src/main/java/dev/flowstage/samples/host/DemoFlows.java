package dev.flowstage.samples.host;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.StageDefinition;
import dev.flowstage.core.FlowEngines;
import dev.flowstage.samples.terms.TermsOfServiceStage;
import dev.flowstage.spi.PasswordHasher;
import dev.flowstage.spi.UserDirectory;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/** The demo's engine and flows: authentik's default authentication flow, and a copy with the terms stage. */
final class DemoFlows {
    /** authentik's default authentication flow: identification, password, user_login. */
    static final String LOGIN = "default-authentication-flow";
    /** The same flow with the sample terms-of-service stage before the login. */
    static final String TERMS_LOGIN = "terms-login";
    /** The terms version the demo asks users to accept. */
    static final String TERMS_VERSION = "2026-01";
    /** How long a session from {@value #TERMS_LOGIN} lasts (the default flow makes browser sessions). */
    static final Duration TERMS_LOGIN_SESSION = Duration.ofHours(8);

    private static final StageDefinition IDENTIFICATION = BuiltinStages.identification(
            "default-authentication-identification",
            IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL));
    private static final StageDefinition PASSWORD =
            BuiltinStages.password("default-authentication-password", PasswordConfig.defaults());

    private DemoFlows() {}

    /** Returns an engine with the built-in stages, the terms stage and both flows. */
    static FlowEngine engine(UserDirectory users, PasswordHasher hasher, Clock clock, SecureRandom random) {
        return FlowEngines.builder()
                .clock(clock)
                .random(random)
                .users(users)
                .stages(BuiltinStages.all())
                .stage(new TermsOfServiceStage())
                .service(PasswordHasher.class, hasher)
                .flow(login())
                .flow(termsLogin())
                .build();
    }

    /** Returns {@value #LOGIN}. */
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
}
