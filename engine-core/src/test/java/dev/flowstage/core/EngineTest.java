package dev.flowstage.core;

import static dev.flowstage.core.TestStages.ask;
import static dev.flowstage.core.TestStages.boom;
import static dev.flowstage.core.TestStages.deny;
import static dev.flowstage.core.TestStages.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ExecutionConflictException;
import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.ExecutionNotFoundException;
import dev.flowstage.api.FlowDefinitionException;
import dev.flowstage.api.FlowEngine;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.FlowNotFoundException;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.AuthenticationRequirement;
import dev.flowstage.api.definition.DeniedAction;
import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {
    private final MutableClock clock = new MutableClock();
    private final InMemoryExecutionStore store = new InMemoryExecutionStore();
    private final InMemoryUserDirectory users = new InMemoryUserDirectory()
            .put(User.of("1", "alice", "alice@example.com"))
            .put(User.of("2", "root", "root@example.com").withSuperuser(true));
    private final List<FlowEvent> events = new CopyOnWriteArrayList<>();
    private final List<FlowEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(FlowEngine::close);
    }

    private FlowEngine engine(FlowDefinition... flows) {
        FlowEngineBuilder builder = FlowEngines.builder().clock(clock).random(new SecureRandom(new byte[] {1}))
                .users(users).executionStore(store).stages(TestStages.all()).listener(events::add);
        for (FlowDefinition flow : flows) {
            builder.flow(flow);
        }
        FlowEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    private static FlowDefinition.Builder flow(String slug) {
        return FlowDefinition.builder(slug).title("Test");
    }

    private static ChallengeResponse answer(String field, String value) {
        return ChallengeResponse.of(Map.of(field, value));
    }

    private static FlowResult.Pending pending(FlowResult result) {
        assertThat(result).isInstanceOf(FlowResult.Pending.class);
        return (FlowResult.Pending) result;
    }

    @Test
    void start_firstStageInteractive_returnsItsChallengeWithFlowInfo() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q", "color", "blue")).build());
        FlowResult.Pending result = pending(engine.start("f", RequestInfo.anonymous()));
        assertThat(result.challenge().component()).isEqualTo(TestStages.ASK_COMPONENT);
        assertThat(result.challenge().flowInfo().title()).isEqualTo("Test");
        assertThat(result.challenge().flowInfo().cancelUrl()).isEqualTo("/flows/-/cancel/");
        assertThat(engine.current(result.executionId())).isEqualTo(result);
    }

    @Test
    void submit_rightAnswers_completesWithContext() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q1", "a", "1")).stage(20, pass("p")).stage(30, ask("q2", "b", "2")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        pending(engine.submit(id, answer("a", "1"), RequestInfo.anonymous()));
        FlowResult result = engine.submit(id, answer("b", "2"), RequestInfo.anonymous());
        assertThat(result).isInstanceOf(FlowResult.Completed.class);
        FlowResult.Completed completed = (FlowResult.Completed) result;
        assertThat(completed.context().asMap()).containsEntry("a", "1").containsEntry("b", "2").containsEntry("passed_p", true);
        assertThat(completed.redirect()).isEqualTo("/");
        assertThat(completed.challenge().component()).isEqualTo("xak-flow-redirect");
    }

    @Test
    void submit_wrongAnswer_retriesWithErrorsAndKeepsState() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q", "a", "1")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        FlowResult.Pending result = pending(engine.submit(id, answer("a", "2"), RequestInfo.anonymous()));
        assertThat(result.challenge().responseErrors().forField("a")).extracting("string").containsExactly("Wrong answer");
        assertThat(engine.submit(id, answer("a", "1"), RequestInfo.anonymous())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void completion_redirectsToSafeNextOnly() {
        FlowEngine engine = engine(flow("f").stage(10, pass("p")).build());
        FlowResult safe = engine.start("f", RequestInfo.anonymous().withQuery(Map.of("next", "/app/")));
        assertThat(((FlowResult.Completed) safe).redirect()).isEqualTo("/app/");
        for (String hostile : List.of("javascript:alert(1)", "//evil.example/", "https://evil.example/", "/\\evil")) {
            FlowResult result = engine.start("f", RequestInfo.anonymous().withQuery(Map.of("next", hostile)));
            assertThat(((FlowResult.Completed) result).redirect()).as(hostile).isEqualTo("/");
        }
    }

    @Test
    void bindingWithFailingPolicy_isSkipped() {
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("q1", "a", "1"), b -> b.policy(PolicyDefinition.dummy("never", false)))
                .stage(20, ask("q2", "b", "2"))
                .build());
        FlowResult.Pending result = pending(engine.start("f", RequestInfo.anonymous()));
        assertThat(result.challenge().field("field")).isEqualTo("b");
    }

    @Test
    void reEvaluatePolicies_checksOnArrivalAgainstCurrentContext() {
        PolicyDefinition answeredYes = PolicyDefinition.expression("answered-yes", "context.a == 'yes'");
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("q1", "a", "yes"))
                .stage(20, ask("q2", "b", "2"), b -> b.policy(answeredYes))
                .build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        FlowResult.Pending second = pending(engine.submit(id, answer("a", "yes"), RequestInfo.anonymous()));
        assertThat(second.challenge().field("field")).isEqualTo("b");
    }

    @Test
    void evaluateOnPlan_decidesAtStartOnly() {
        PolicyDefinition answeredYes = PolicyDefinition.expression("answered-yes", "context.a == 'yes'");
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("q1", "a", "yes"))
                .stage(20, ask("q2", "b", "2"), b -> b.policy(answeredYes).evaluateOnPlan(true).reEvaluate(false))
                .build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        assertThat(engine.submit(id, answer("a", "yes"), RequestInfo.anonymous())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void erroredPolicy_deniesInsteadOfSkippingTheStage() {
        PolicyDefinition broken = PolicyDefinition.expression("broken", "'not a boolean'");
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("mfa", "code", "123456"), b -> b.policy(broken))
                .stage(20, pass("login"))
                .build());
        FlowResult result = engine.start("f", RequestInfo.anonymous());
        assertThat(result).isInstanceOf(FlowResult.Denied.class);
        assertThat(((FlowResult.Denied) result).message()).isEqualTo("Access could not be checked. Please try again later.");
    }

    @Test
    void restart_invalidResponseStartsOverWithEmptyContext() {
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("q1", "a", "1"))
                .stage(20, ask("q2", "b", "2"), b -> b.invalidResponseAction(InvalidResponseAction.RESTART))
                .build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        engine.submit(id, answer("a", "1"), RequestInfo.anonymous());
        FlowResult.Pending restarted = pending(engine.submit(id, answer("b", "wrong"), RequestInfo.anonymous()));
        assertThat(restarted.challenge().field("field")).isEqualTo("a");
        assertThat(restarted.challenge().responseErrors().isEmpty()).isTrue();
        engine.submit(id, answer("a", "1"), RequestInfo.anonymous());
        FlowResult.Completed done = (FlowResult.Completed) engine.submit(id, answer("b", "2"), RequestInfo.anonymous());
        assertThat(events).anyMatch(e -> e instanceof FlowEvent.ExecutionRestarted r && !r.keptContext());
        assertThat(done.context().asMap()).containsKeys("a", "b");
    }

    @Test
    void restartWithContext_keepsWhatEarlierStagesWrote() {
        PolicyDefinition notYetAnswered = PolicyDefinition.expression("not-yet", "context.a == null");
        FlowEngine engine = engine(flow("f")
                .stage(10, ask("q1", "a", "1"), b -> b.policy(notYetAnswered))
                .stage(20, ask("q2", "b", "2"), b -> b.invalidResponseAction(InvalidResponseAction.RESTART_WITH_CONTEXT))
                .build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        engine.submit(id, answer("a", "1"), RequestInfo.anonymous());
        FlowResult.Pending again = pending(engine.submit(id, answer("b", "wrong"), RequestInfo.anonymous()));
        assertThat(again.challenge().field("field")).isEqualTo("b");
    }

    @Test
    void denyStage_deniesWithAccessDeniedChallenge() {
        FlowEngine engine = engine(flow("f").stage(10, pass("p")).stage(20, deny("no")).build());
        FlowResult result = engine.start("f", RequestInfo.anonymous());
        assertThat(result).isInstanceOf(FlowResult.Denied.class);
        assertThat(result.challenge().component()).isEqualTo("ak-stage-access-denied");
        assertThat(result.challenge().field("error_message")).isEqualTo("Denied by no");
        assertThatThrownBy(() -> engine.submit(result.executionId(), ChallengeResponse.empty(), RequestInfo.anonymous()))
                .isInstanceOf(ExecutionNotFoundException.class)
                .hasMessageContaining("already finished");
        assertThat(engine.current(result.executionId())).isInstanceOf(FlowResult.Denied.class);
    }

    @Test
    void stageThatThrows_deniesWithGenericMessageAndNoSecret() {
        FlowEngine engine = engine(flow("f").stage(10, boom("b")).build());
        FlowResult result = engine.start("f", RequestInfo.anonymous());
        assertThat(((FlowResult.Denied) result).message()).isEqualTo("An internal error occurred. Please try again later.");
        assertThat(engine.toJson(result)).doesNotContain("s3cr3t").doesNotContain("Exception");
    }

    @Test
    void requireUnauthenticated_refusesSignedInRequester() {
        FlowEngine engine = engine(flow("f").authentication(AuthenticationRequirement.REQUIRE_UNAUTHENTICATED)
                .deniedAction(DeniedAction.MESSAGE).stage(10, pass("p")).build());
        FlowResult result = engine.start("f", RequestInfo.anonymous().withAuthenticatedUser("1"));
        assertThat(((FlowResult.Denied) result).message()).isEqualTo("Flow does not apply to current user.");
        assertThat(engine.start("f", RequestInfo.anonymous())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void requireAuthenticatedAndSuperuser_checkTheRequester() {
        FlowEngine engine = engine(
                flow("authn").authentication(AuthenticationRequirement.REQUIRE_AUTHENTICATED).stage(10, pass("p")).build(),
                flow("admin").authentication(AuthenticationRequirement.REQUIRE_SUPERUSER).stage(10, pass("p")).build());
        assertThat(engine.start("authn", RequestInfo.anonymous())).isInstanceOf(FlowResult.Denied.class);
        assertThat(engine.start("authn", RequestInfo.anonymous().withAuthenticatedUser("1"))).isInstanceOf(FlowResult.Completed.class);
        assertThat(engine.start("admin", RequestInfo.anonymous().withAuthenticatedUser("1"))).isInstanceOf(FlowResult.Denied.class);
        assertThat(engine.start("admin", RequestInfo.anonymous().withAuthenticatedUser("2"))).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void deniedActionContinue_redirectsToNext() {
        FlowEngine engine = engine(flow("f").deniedAction(DeniedAction.CONTINUE)
                .policy(PolicyBinding.policy(PolicyDefinition.dummy("never", false))).stage(10, pass("p")).build());
        FlowResult result = engine.start("f", RequestInfo.anonymous().withQuery(Map.of("next", "/home")));
        assertThat(result.challenge().component()).isEqualTo("xak-flow-redirect");
        assertThat(result.challenge().field("to")).isEqualTo("/home");
    }

    @Test
    void deniedActionMessageContinue_showsMessageWithoutNext() {
        FlowEngine engine = engine(flow("f").policy(PolicyBinding.policy(PolicyDefinition.dummy("never", false)))
                .stage(10, pass("p")).build());
        FlowResult result = engine.start("f", RequestInfo.anonymous());
        assertThat(result.challenge().component()).isEqualTo("ak-stage-access-denied");
    }

    @Test
    void expiredExecution_isReportedAsExpired() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q", "a", "1")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> engine.submit(id, answer("a", "1"), RequestInfo.anonymous()))
                .isInstanceOfSatisfying(ExecutionNotFoundException.class,
                        e -> assertThat(e.reason()).isEqualTo(ExecutionNotFoundException.Reason.EXPIRED))
                .hasMessageContaining("has expired");
    }

    @Test
    void unknownExecutionAndFlow_areTypedErrors() {
        FlowEngine engine = engine(flow("f").stage(10, pass("p")).build());
        assertThatThrownBy(() -> engine.current(ExecutionId.of("AAAAAAAAAAAAAAAAAAAAAAAA")))
                .isInstanceOf(ExecutionNotFoundException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> engine.start("nope", RequestInfo.anonymous()))
                .isInstanceOf(FlowNotFoundException.class).hasMessage("flow 'nope' does not exist");
    }

    @Test
    void staleWrite_isRefusedByVersionCheck() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q1", "a", "1")).stage(20, ask("q2", "b", "2")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        String before = store.find(id).orElseThrow().data();
        long version = store.find(id).orElseThrow().version();
        engine.submit(id, answer("a", "1"), RequestInfo.anonymous());
        // a second node that loaded the same version before the first wrote must lose:
        assertThat(store.replace(new dev.flowstage.spi.StoredExecution(id, version + 1, "f",
                clock.instant().plusSeconds(60), before), version)).isFalse();
        assertThat(pending(engine.current(id)).challenge().field("field")).isEqualTo("b");
    }

    @Test
    void racingSubmitsFromThreads_neverBothAdvance() throws Exception {
        FlowEngine engine = engine(flow("f").stage(10, ask("q1", "a", "1")).stage(20, ask("q2", "b", "2")).stage(30, ask("q3", "c", "3")).build());
        for (int round = 0; round < 20; round++) {
            ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            Runnable submit = () -> {
                try {
                    outcomes.add(engine.submit(id, answer("a", "1"), RequestInfo.anonymous()));
                } catch (ExecutionConflictException e) {
                    outcomes.add(e);
                }
            };
            Thread first = new Thread(submit);
            Thread second = new Thread(submit);
            first.start();
            second.start();
            first.join();
            second.join();
            // whichever order, the answer for stage 'a' moved the execution exactly one stage
            assertThat(pending(engine.current(id)).challenge().field("field")).isEqualTo("b");
            long advanced = outcomes.stream().filter(o -> o instanceof FlowResult.Pending p
                    && "b".equals(p.challenge().field("field")) && p.challenge().responseErrors().isEmpty()).count();
            assertThat(advanced).isEqualTo(1);
        }
    }

    @Test
    void redeploy_keepsRunningExecutionsOnTheirVersion() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q1", "a", "1")).stage(20, ask("q2", "b", "2")).build());
        ExecutionId old = engine.start("f", RequestInfo.anonymous()).executionId();
        engine.deploy(flow("f").stage(10, ask("q1", "a", "1")).build());
        assertThat(pending(engine.submit(old, answer("a", "1"), RequestInfo.anonymous())).challenge().field("field")).isEqualTo("b");
        ExecutionId fresh = engine.start("f", RequestInfo.anonymous()).executionId();
        assertThat(engine.submit(fresh, answer("a", "1"), RequestInfo.anonymous())).isInstanceOf(FlowResult.Completed.class);
    }

    @Test
    void badDefinitions_areAllReportedAtOnce() {
        FlowDefinition bad = flow("f")
                .stage(10, dev.flowstage.api.definition.StageDefinition.of("x", "no.such.type", new TestStages.Empty()))
                .stage(20, ask("q", "", "1"))
                .stage(30, pass("p"), b -> b.policy(PolicyDefinition.expression("evil", "Runtime.getRuntime().exec('id')")))
                .build();
        assertThatThrownBy(() -> engine(bad))
                .isInstanceOfSatisfying(FlowDefinitionException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("stage type 'no.such.type' is not registered")
                .hasMessageContaining("field must not be blank")
                .hasMessageContaining("policy 'evil'");
    }

    @Test
    void cancel_expiredOrUnknownExecution_isANoOp() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q", "a", "1")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous()).executionId();
        clock.advance(Duration.ofHours(2));
        assertThat(engine.cancel(id).redirect()).isEqualTo("/");
        assertThat(engine.cancel(ExecutionId.of("AAAAAAAAAAAAAAAAAAAAAAAA")).redirect()).isEqualTo("/");
    }

    @Test
    void cancel_endsTheExecution() {
        FlowEngine engine = engine(flow("f").stage(10, ask("q", "a", "1")).build());
        ExecutionId id = engine.start("f", RequestInfo.anonymous().withQuery(Map.of("next", "/back"))).executionId();
        assertThat(engine.cancel(id).redirect()).isEqualTo("/back");
        assertThat(engine.current(id)).isInstanceOf(FlowResult.Cancelled.class);
        assertThat(events).anyMatch(e -> e instanceof FlowEvent.ExecutionCancelled);
    }
}
