package dev.flowstage.testkit;

import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import java.time.Duration;

/** The sign-in flows the journey tests and properties run. */
final class SignInFlows {
    static final String LOGIN = "default-authentication-flow";

    private SignInFlows() {}

    static FlowDefinition login() {
        return login(PasswordConfig.defaults(), InvalidResponseAction.RETRY);
    }

    static FlowDefinition login(PasswordConfig password, InvalidResponseAction passwordAction) {
        return FlowDefinition.builder(LOGIN)
                .title("Welcome to Flowstage!")
                .designation(Designation.AUTHENTICATION)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .stage(10, BuiltinStages.identification("default-authentication-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.USERNAME, UserField.EMAIL)
                                .withRecoveryFlow("default-recovery-flow")))
                .stage(20, BuiltinStages.password("default-authentication-password", password),
                        binding -> binding.invalidResponseAction(passwordAction))
                .stage(100, BuiltinStages.userLogin("default-authentication-login",
                        UserLoginConfig.defaults().withSessionDuration(Duration.ofHours(8))))
                .build();
    }
}
