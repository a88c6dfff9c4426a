package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.DeniedAction;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.FlowLayout;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.api.definition.StageDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueprintExportTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();

    @AfterEach
    void close() {
        engine.close();
    }

    static FlowDefinition quizFlow() {
        PolicyDefinition admins = PolicyDefinition.expression("is-admin", "isGroupMember(user, 'admins')");
        StageDefinition quiz = StageDefinition.of("quiz", "test.quiz", new TestModels.QuizConfig(
                List.of(new TestModels.Question("Why", "because"), new TestModels.Question("How", "so")),
                List.of(PolicyDefinition.dummy("always", true)), "next-flow", Duration.ofMinutes(90)));
        return FlowDefinition.builder("quiz-flow").name("Quiz").title("Quiz time").designation(Designation.ENROLLMENT)
                .authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED).deniedAction(DeniedAction.CONTINUE)
                .policyEngineMode(PolicyEngineMode.ALL).layout(FlowLayout.SIDEBAR_LEFT).background("/bg.jpg")
                .policy(PolicyBinding.group("staff").withOrder(1).withTimeout(Duration.ofSeconds(5)))
                .stage(10, TestModels.ask("ask", "colour", "blue"), binding -> binding
                        .evaluateOnPlan(true).reEvaluate(false).invalidResponseAction(InvalidResponseAction.RESTART)
                        .policyEngineMode(PolicyEngineMode.ALL)
                        .policy(PolicyBinding.policy(admins).negated().withFailureResult(true))
                        .policy(PolicyBinding.user("alice").withOrder(2).withEnabled(false)))
                .stage(20, quiz)
                .build();
    }

    static FlowDefinition nextFlow() {
        return FlowDefinition.builder("next-flow").stage(1, TestModels.pass("pass")).build();
    }

    @Test
    void export_thenApply_givesEqualDefinitions() {
        String yaml = blueprints.export(List.of(quizFlow(), nextFlow()));

        blueprints.apply(Blueprint.of("export.yaml", yaml)).orThrow();

        assertThat(blueprints.definition("quiz-flow")).contains(quizFlow());
        assertThat(blueprints.definition("next-flow")).contains(nextFlow());
        assertThat(engine.definition("quiz-flow")).contains(quizFlow());
    }

    @Test
    void export_isDeterministic_andReExportsIdentically() {
        String first = blueprints.export(List.of(nextFlow(), quizFlow()));
        String second = blueprints.export(List.of(quizFlow(), nextFlow()));
        blueprints.apply(Blueprint.of("export.yaml", first)).orThrow();

        assertThat(second).isEqualTo(first);
        assertThat(blueprints.exportStored(List.of("quiz-flow", "next-flow"))).isEqualTo(first);
    }

    @Test
    void export_usesKeyOfAndNamesNotRandomKeys() {
        String yaml = blueprints.export(List.of(quizFlow()));

        assertThat(yaml).contains("id: flow-quiz-flow", "target: !KeyOf 'flow-quiz-flow'", "stage: !KeyOf 'stage-quiz'",
                "policy: !KeyOf 'policy-is-admin'", "- !KeyOf 'question-q-why'", "next_flow: next-flow",
                "timeout: hours=1;minutes=30", "group: staff", "user: alice",
                "blueprints.goauthentik.io/generated: 'true'");
        assertThat(yaml).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }

    @Test
    void export_ofAStageWithoutModel_isRefused() {
        FlowDefinition flow = FlowDefinition.builder("x").stage(1, StageDefinition.of("odd", "test.odd", "config")).build();

        assertThatThrownBy(() -> blueprints.export(List.of(flow))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stage 'odd' of type 'test.odd' has no blueprint model");
    }

    @Test
    void export_ofTwoDifferentStagesWithOneName_isRefused() {
        FlowDefinition one = FlowDefinition.builder("one").stage(1, TestModels.ask("ask", "a", "b")).build();
        FlowDefinition two = FlowDefinition.builder("two").stage(1, TestModels.ask("ask", "c", "d")).build();

        assertThatThrownBy(() -> blueprints.export(List.of(one, two))).hasMessage("cannot export two different stages named 'ask'");
    }
}
