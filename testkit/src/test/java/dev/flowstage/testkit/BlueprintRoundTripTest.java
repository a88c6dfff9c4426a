package dev.flowstage.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.core.blueprint.Blueprint;
import dev.flowstage.core.blueprint.Blueprints;
import dev.flowstage.stages.BuiltinModels;
import dev.flowstage.stages.password.PasswordConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueprintRoundTripTest {
    private final FlowKit kit = FlowKit.builder().transcriptName("BlueprintRoundTripTest").user("alice", "correct horse").build();
    private final Blueprints blueprints = Blueprints.builder().models(BuiltinModels.all()).engine(kit.engine()).build();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void signInFlows_exportedAndApplied_yieldEqualDefinitions_andStillLogIn() {
        for (FlowDefinition flow : List.of(SignInFlows.login(),
                SignInFlows.login(PasswordConfig.defaults().withFailedAttemptsBeforeCancel(2), InvalidResponseAction.RESTART))) {
            String yaml = blueprints.export(List.of(flow));

            blueprints.apply(Blueprint.of("sign-in.yaml", yaml)).orThrow();

            assertThat(blueprints.definition(SignInFlows.LOGIN)).contains(flow);
            assertThat(kit.engine().definition(SignInFlows.LOGIN)).contains(flow);
        }
        kit.start(SignInFlows.LOGIN).answer(Map.of("uid_field", "alice")).answer(Map.of("password", "correct horse"))
                .expectCompleted(user -> assertThat(user.username()).isEqualTo("alice"));
    }
}
