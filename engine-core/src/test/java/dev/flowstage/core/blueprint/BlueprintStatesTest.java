package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowNotFoundException;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.ChallengeResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueprintStatesTest {
    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private BlueprintResult apply(String yaml) {
        return blueprints.apply(Blueprint.of("states.yaml", "version: 1\nentries:\n" + yaml));
    }

    @Test
    void created_doesNotUpdateAnExistingObject() {
        apply("- model: authentik_flows.flow\n  identifiers: {slug: a}\n  attrs: {title: First}\n").orThrow();
        BlueprintResult again = apply("- model: authentik_flows.flow\n  state: created\n  identifiers: {slug: a}\n"
                + "  attrs: {title: Second}\n").orThrow();

        assertThat(again.changes()).singleElement().extracting(BlueprintChange::action).isEqualTo(BlueprintChange.Action.SKIP);
        assertThat(engine.definition("a").orElseThrow().title()).isEqualTo("First");
    }

    @Test
    void mustCreated_failsWhenTheObjectExists() {
        apply("- model: authentik_flows.flow\n  identifiers: {slug: a}\n").orThrow();
        BlueprintResult again = apply("- model: authentik_flows.flow\n  state: must_created\n  identifiers: {slug: a}\n");

        assertThat(again.problems()).singleElement().extracting(BlueprintProblem::toString)
                .isEqualTo("states.yaml:3: entries[0] identifiers: authentik_flows.flow slug=a already exists (state: must_created)");
    }

    @Test
    void absent_deletesTheFlowWithItsBindings_andRunningExecutionsFinishOnTheirVersion() {
        blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).orThrow();
        FlowResult running = engine.start("quiz-login", RequestInfo.anonymous());

        BlueprintResult deleted = apply("- model: authentik_flows.flow\n  state: absent\n  identifiers: {slug: quiz-login}\n").orThrow();

        assertThat(deleted.changes()).extracting(BlueprintChange::action, BlueprintChange::model).containsExactly(
                Assertions.tuple(BlueprintChange.Action.DELETE, "authentik_flows.flow"),
                Assertions.tuple(BlueprintChange.Action.DELETE, "authentik_flows.flowstagebinding"),
                Assertions.tuple(BlueprintChange.Action.DELETE, "authentik_policies.policybinding"));
        assertThat(deleted.removed()).containsExactly("quiz-login");
        assertThat(engine.flowSlugs()).isEmpty();
        Assertions.assertThatThrownBy(() -> engine.start("quiz-login", RequestInfo.anonymous()))
                .isInstanceOf(FlowNotFoundException.class);
        FlowResult finished = engine.submit(running.executionId(), ChallengeResponse.of(Map.of("colour", "blue")),
                RequestInfo.anonymous());
        assertThat(finished).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void reApplyWhileAnExecutionRuns_keepsItOnItsPinnedVersion() {
        blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).orThrow();
        FlowResult running = engine.start("quiz-login", RequestInfo.anonymous());

        blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN.replace("expected: blue", "expected: red"))).orThrow();

        FlowResult finished = engine.submit(running.executionId(), ChallengeResponse.of(Map.of("colour", "blue")),
                RequestInfo.anonymous());
        assertThat(finished).isInstanceOf(FlowResult.Completed.class);
        FlowResult fresh = engine.start("quiz-login", RequestInfo.anonymous());
        assertThat(engine.submit(fresh.executionId(), ChallengeResponse.of(Map.of("colour", "blue")), RequestInfo.anonymous()))
                .isInstanceOf(FlowResult.Pending.class);
    }

    @Test
    void absent_ofAMissingObject_isSkipped() {
        BlueprintResult result = apply("- model: authentik_flows.flow\n  state: absent\n  identifiers: {slug: nope}\n").orThrow();

        assertThat(result.changes()).singleElement().extracting(BlueprintChange::action).isEqualTo(BlueprintChange.Action.SKIP);
    }

    @Test
    void deletingAReferencedObject_clearsTheReference() {
        apply("""
                - model: test_stages_quiz.question
                  id: q
                  identifiers: {name: q1}
                  attrs: {text: Why?}
                - model: test_stages_quiz.quizstage
                  identifiers: {name: quiz}
                  attrs: {questions: [!KeyOf q]}
                - model: test_stages_quiz.question
                  state: absent
                  identifiers: {name: q1}
                """).orThrow();

        assertThat(blueprints.definitions()).isEmpty();
        BlueprintResult bound = apply("""
                - model: authentik_flows.flow
                  id: flow
                  identifiers: {slug: quiz}
                - model: authentik_flows.flowstagebinding
                  identifiers: {target: !KeyOf flow, stage: !Find [test_stages_quiz.quizstage, [name, quiz]], order: 1}
                """).orThrow();
        assertThat(bound.deployed()).containsExactly("quiz");
        assertThat(((TestModels.QuizConfig) engine.definition("quiz").orElseThrow().bindings().get(0).stage().config())
                .questions()).isEmpty();
    }

    @Test
    void identifiers_matchByPk() {
        apply("- model: authentik_flows.flow\n  identifiers: {pk: 1f2e, slug: a}\n").orThrow();
        BlueprintResult renamed = apply("- model: authentik_flows.flow\n  identifiers: {pk: 1f2e}\n  attrs: {slug: b}\n").orThrow();

        assertThat(renamed.changes()).singleElement().extracting(BlueprintChange::action).isEqualTo(BlueprintChange.Action.UPDATE);
        assertThat(engine.flowSlugs()).containsExactly("b");
        assertThat(renamed.removed()).containsExactly("a");
    }

    @Test
    void conditions_false_skipTheEntry() {
        BlueprintResult result = apply("- model: authentik_flows.flow\n  conditions: [true, !Condition [OR, false, 0]]\n"
                + "  identifiers: {slug: a}\n").orThrow();

        assertThat(result.changes()).singleElement().extracting(BlueprintChange::action).isEqualTo(BlueprintChange.Action.SKIP);
        assertThat(engine.flowSlugs()).isEmpty();
    }

    @Test
    void metaApply_appliesTheNamedBlueprintInline_andAMissingOptionalOneIsSkipped() {
        Blueprint base = Blueprint.of("base.yaml", "version: 1\nmetadata: {name: Base}\nentries:\n"
                + "- model: authentik_flows.flow\n  identifiers: {slug: base}\n");
        Blueprints withCatalog = TestModels.blueprints(engine).catalog(List.of(base)).build();

        BlueprintResult result = withCatalog.apply(Blueprint.of("main.yaml", """
                version: 1
                entries:
                - model: authentik_blueprints.metaapplyblueprint
                  attrs: {identifiers: {name: Base}}
                - model: authentik_blueprints.metaapplyblueprint
                  attrs: {identifiers: {name: Elsewhere}, required: false}
                - model: authentik_flows.flow
                  identifiers: {slug: main}
                  attrs: {title: !AtIndex [!FindObject [authentik_flows.flow, [slug, base]], slug]}
                """)).orThrow();

        assertThat(engine.flowSlugs()).containsExactlyInAnyOrder("base", "main");
        assertThat(engine.definition("main").orElseThrow().title()).isEqualTo("base");
        assertThat(result.changes()).extracting(BlueprintChange::source).contains("base.yaml", "main.yaml");
        BlueprintResult required = withCatalog.apply(Blueprint.of("req.yaml", "version: 1\nentries:\n"
                + "- model: authentik_blueprints.metaapplyblueprint\n  attrs: {identifiers: {name: Elsewhere}}\n"));
        assertThat(required.problems()).singleElement().extracting(BlueprintProblem::message)
                .isEqualTo("required blueprint {name=Elsewhere} does not exist");
    }

    @Test
    void aPolicyBindingThatIsInvalid_neverSilentlyDropsACheck() {
        blueprints.apply(Blueprint.of("login.yaml", BlueprintApplyTest.LOGIN)).orThrow();

        BlueprintResult result = apply("""
                - model: authentik_policies.policybinding
                  identifiers: {target: !Find [authentik_flows.flowstagebinding, [order, 10]], order: 5}
                  attrs: {group: admins, user: alice}
                """);

        assertThat(result.problems()).singleElement().extracting(BlueprintProblem::message)
                .isEqualTo("a policy binding binds exactly one of policy, group and user");
    }
}
