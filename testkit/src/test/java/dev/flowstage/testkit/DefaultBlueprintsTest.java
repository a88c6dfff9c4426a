package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.BlueprintResult;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import dev.flowstage.stages.BuiltinStages;
import dev.flowstage.stages.identification.IdentificationConfig;
import dev.flowstage.stages.identification.UserField;
import dev.flowstage.stages.password.PasswordConfig;
import dev.flowstage.stages.userlogin.UserLoginConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Flowstage's own default blueprints (MVEL), shipped in stages-builtin. */
class DefaultBlueprintsTest {
    private final FlowKit kit = FlowKit.builder().transcriptName("DefaultBlueprintsTest").user("alice", "correct horse").build();
    private final Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).engine(kit.engine()).build();

    @AfterEach
    void close() {
        kit.close();
    }

    static List<Blueprint> defaults() {
        return BuiltinModels.defaultBlueprints().stream()
                .map(name -> Blueprint.resource(DefaultBlueprintsTest.class.getClassLoader(), name)).toList();
    }

    @Test
    void defaults_applyOneByOne_andTogether() {
        for (Blueprint blueprint : defaults()) {
            assertThat(blueprints.plan(blueprint).problems()).as(blueprint.source()).isEmpty();
        }
        BlueprintResult result = blueprints.apply(defaults());

        assertThat(result.problems()).isEmpty();
        assertThat(result.deployed()).contains("default-authentication-flow", "default-invalidation-flow");
    }

    @Test
    void defaultAuthenticationFlow_logsIn_andTheInvalidationFlowLogsOut() {
        blueprints.apply(defaults()).orThrow();

        kit.start("default-authentication-flow").answer(Map.of("uid_field", "alice@example.com"))
                .expect("ak-stage-password").answer(Map.of("password", "wrong"))
                .expectFieldError("password", "invalid")
                .answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
        assertThat(kit.start("default-invalidation-flow").expectCompleted().logout()).isTrue();
    }

    @Test
    void defaultAuthenticationFlow_equalsTheFlowBuiltInJava() {
        blueprints.apply(defaults()).orThrow();
        PolicyDefinition passwordOptional =
                PolicyDefinition.expression("default-authentication-flow-password-stage", "context.auth_method == null");
        FlowDefinition java = FlowDefinition.builder("default-authentication-flow")
                .name("Welcome to Flowstage!").title("Welcome to Flowstage!").designation(Designation.AUTHENTICATION)
                .stage(10, BuiltinStages.identification("default-authentication-identification",
                        IdentificationConfig.defaults().withUserFields(UserField.EMAIL, UserField.USERNAME)))
                .stage(20, BuiltinStages.password("default-authentication-password", PasswordConfig.defaults()),
                        binding -> binding.reEvaluate(true).policy(
                                PolicyBinding.policy(passwordOptional).withOrder(10).withFailureResult(true)))
                .stage(100, BuiltinStages.userLogin("default-authentication-login", UserLoginConfig.defaults()))
                .build();

        assertThat(blueprints.definition("default-authentication-flow")).contains(java);
        assertThat(kit.engine().definition("default-authentication-flow")).contains(java);
    }
}
