package dev.flowstage.core.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.definition.Designation;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlueprintApplyTest {
    static final String LOGIN = """
            version: 1
            metadata:
              name: Test login
            entries:
            - model: authentik_flows.flow
              id: flow
              identifiers:
                slug: quiz-login
              attrs:
                name: Quiz login
                title: Answer me
                designation: authentication
            - model: test_stages_ask.askstage
              id: ask
              identifiers:
                name: ask-colour
              attrs:
                field: colour
                expected: blue
            - model: authentik_policies_expression.expressionpolicy
              id: policy
              identifiers:
                name: only-alice
              attrs:
                expression: "user == null || user.username == 'alice'"
            - model: authentik_flows.flowstagebinding
              id: binding
              identifiers:
                target: !KeyOf flow
                stage: !KeyOf ask
                order: 10
            - model: authentik_policies.policybinding
              identifiers:
                target: !KeyOf binding
                policy: !KeyOf policy
                order: 0
              attrs:
                failure_result: true
            """;

    private final FlowEngine engine = TestModels.engine();
    private final Blueprints blueprints = TestModels.blueprints(engine).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void apply_validBlueprint_deploysTheFlowItDescribes() {
        BlueprintResult result = blueprints.apply(Blueprint.of("login.yaml", LOGIN));

        assertThat(result.problems()).isEmpty();
        assertThat(result.applied()).isTrue();
        assertThat(result.deployed()).containsExactly("quiz-login");
        FlowDefinition expected = FlowDefinition.builder("quiz-login").name("Quiz login").title("Answer me")
                .designation(Designation.AUTHENTICATION)
                .stage(10, TestModels.ask("ask-colour", "colour", "blue"), binding -> binding.policy(
                        PolicyBinding.policy(PolicyDefinition.expression("only-alice", "user == null || user.username == 'alice'"))
                                .withFailureResult(true)))
                .build();
        assertThat(engine.definition("quiz-login")).contains(expected);
        assertThat(blueprints.definition("quiz-login")).contains(expected);
        FlowResult started = engine.start("quiz-login", RequestInfo.anonymous());
        assertThat(started.challenge().component()).isEqualTo("test-ask");
    }

    @Test
    void apply_twice_isIdempotent() {
        blueprints.apply(Blueprint.of("login.yaml", LOGIN)).orThrow();
        BlueprintResult again = blueprints.apply(Blueprint.of("login.yaml", LOGIN)).orThrow();

        assertThat(again.effectiveChanges()).isEmpty();
        assertThat(again.deployed()).isEmpty();
        assertThat(again.changes()).extracting(BlueprintChange::action).containsOnly(BlueprintChange.Action.UNCHANGED);
    }

    @Test
    void apply_withoutChanges_leavesTheStoredVersionAlone() {
        InMemoryConfigurationStore store = new InMemoryConfigurationStore();
        Blueprints stored = TestModels.blueprints(engine).store(store).build();
        stored.apply(Blueprint.of("login.yaml", LOGIN)).orThrow();

        BlueprintResult again = stored.apply(Blueprint.of("login.yaml", LOGIN)).orThrow();

        assertThat(again.applied()).isTrue();
        assertThat(store.load().version()).isEqualTo(1);
    }

    @Test
    void apply_withoutChanges_toAFreshEngine_deploysTheStoredFlows_withoutStoring() {
        InMemoryConfigurationStore store = new InMemoryConfigurationStore();
        TestModels.blueprints(engine).store(store).build().apply(Blueprint.of("login.yaml", LOGIN)).orThrow();
        try (FlowEngine fresh = TestModels.engine()) {
            BlueprintResult again = TestModels.blueprints(fresh).store(store).build()
                    .apply(Blueprint.of("login.yaml", LOGIN)).orThrow();

            assertThat(again.deployed()).containsExactly("quiz-login");
            assertThat(fresh.flowSlugs()).containsExactly("quiz-login");
            assertThat(store.load().version()).isEqualTo(1);
        }
    }

    @Test
    void plan_listsCreatesWithoutApplying() {
        BlueprintResult plan = blueprints.plan(Blueprint.of("login.yaml", LOGIN));

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.applied()).isFalse();
        assertThat(plan.changes()).extracting(BlueprintChange::action).containsOnly(BlueprintChange.Action.CREATE);
        assertThat(plan.changes()).hasSize(5);
        assertThat(plan.deployed()).containsExactly("quiz-login");
        assertThat(engine.flowSlugs()).isEmpty();
        assertThat(blueprints.definitions()).isEmpty();
        assertThat(plan.changes().get(0).toString()).isEqualTo("create authentik_flows.flow slug=quiz-login (login.yaml entries[0])");
    }

    @Test
    void update_changesOnlyWhatTheEntrySays() {
        blueprints.apply(Blueprint.of("login.yaml", LOGIN)).orThrow();
        BlueprintResult update = blueprints.apply(Blueprint.of("title.yaml", """
                version: 1
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: quiz-login}
                  attrs: {title: Changed}
                """)).orThrow();

        assertThat(update.changes()).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(BlueprintChange.Action.UPDATE);
            assertThat(change.fields()).containsExactly("title");
        });
        assertThat(engine.definition("quiz-login").orElseThrow().title()).isEqualTo("Changed");
        assertThat(engine.definition("quiz-login").orElseThrow().name()).isEqualTo("Quiz login");
        assertThat(update.deployed()).containsExactly("quiz-login");
    }

    @Test
    void context_fromFileAndInstance_feedsContextTags() {
        Blueprints withContext = TestModels.blueprints(engine).context(Map.of("title", "From instance")).build();
        withContext.apply(Blueprint.of("ctx.yaml", """
                version: 1
                context:
                  title: From file
                  name: Named in file
                entries:
                - model: authentik_flows.flow
                  identifiers: {slug: ctx}
                  attrs:
                    title: !Context title
                    name: !Context name
                    background: !Context [missing, /bg.png]
                """)).orThrow();

        FlowDefinition flow = engine.definition("ctx").orElseThrow();
        assertThat(flow.title()).isEqualTo("From instance");
        assertThat(flow.name()).isEqualTo("Named in file");
        assertThat(flow.background()).isEqualTo("/bg.png");
    }
}
