package dev.flowstage.policy;

import static dev.flowstage.api.definition.PolicyEngineMode.ALL;
import static dev.flowstage.api.definition.PolicyEngineMode.ANY;
import static dev.flowstage.policy.Bindings.compiled;
import static dev.flowstage.policy.Bindings.custom;
import static dev.flowstage.policy.Bindings.dummy;
import static dev.flowstage.policy.Bindings.expression;
import static dev.flowstage.policy.Bindings.inline;
import static dev.flowstage.policy.TestData.ALICE;
import static dev.flowstage.policy.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyEngineTest {
    private final List<PolicyError> errors = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final PolicyEngine engine = new PolicyEngine(executor, errors::add);

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private PolicyDecision evaluate(PolicyEngineMode mode, CompiledBinding... bindings) {
        return engine.evaluate(List.of(bindings), mode, request(ALICE));
    }

    @ParameterizedTest
    @EnumSource(PolicyEngineMode.class)
    void evaluate_noBindings_passes(PolicyEngineMode mode) {
        assertThat(engine.evaluate(List.of(), mode, request(null))).isEqualTo(new PolicyDecision(true, List.of()));
    }

    @ParameterizedTest
    @EnumSource(PolicyEngineMode.class)
    void evaluate_onlyDisabledBindings_passesAsIfThereWereNone(PolicyEngineMode mode) {
        assertThat(evaluate(mode, compiled(dummy("no", false).withEnabled(false))).passing()).isTrue();
    }

    @Test
    void evaluate_allModeWithDisabledFailingBinding_ignoresIt() {
        assertThat(evaluate(ALL, compiled(dummy("yes", true)), compiled(dummy("no", false).withEnabled(false)))
                .passing()).isTrue();
    }

    @Test
    void evaluate_allMode_passesOnlyWhenEveryBindingPasses() {
        assertThat(evaluate(ALL, compiled(dummy("a", true)), compiled(dummy("b", true))).passing()).isTrue();
        assertThat(evaluate(ALL, compiled(dummy("a", true)), compiled(dummy("b", false))).passing()).isFalse();
    }

    @Test
    void evaluate_anyMode_passesWhenOneBindingPasses() {
        assertThat(evaluate(ANY, compiled(dummy("a", false)), compiled(dummy("b", true))).passing()).isTrue();
        assertThat(evaluate(ANY, compiled(dummy("a", false)), compiled(dummy("b", false))).passing()).isFalse();
    }

    @Test
    void evaluate_negatedBinding_invertsTheResultButKeepsMessages() {
        assertThat(evaluate(ALL, compiled(dummy("no", false).negated()))).isEqualTo(new PolicyDecision(true, List.of("dummy")));
        assertThat(evaluate(ALL, compiled(dummy("yes", true).negated())).passing()).isFalse();
    }

    @Test
    void evaluate_bindingsOutOfOrder_evaluatedByAscendingOrder() {
        PolicyDecision decision = evaluate(ALL,
                custom("thirty", inline(PolicyResult.pass("thirty")), b -> b.withOrder(30)),
                custom("ten", inline(PolicyResult.pass("ten")), b -> b.withOrder(10)),
                custom("twenty", inline(PolicyResult.pass("twenty")), b -> b.withOrder(20)));
        assertThat(decision.messages()).containsExactly("ten", "twenty", "thirty");
    }

    @Test
    void evaluate_allModeFirstFailure_stopsButKeepsMessagesSoFar() {
        AtomicInteger later = new AtomicInteger();
        PolicyDecision decision = evaluate(ALL,
                custom("a", inline(PolicyResult.pass("a passed")), b -> b.withOrder(1)),
                custom("b", inline(PolicyResult.fail("b failed")), b -> b.withOrder(2)),
                custom("c", counting(later), b -> b.withOrder(3)));
        assertThat(decision).isEqualTo(new PolicyDecision(false, List.of("a passed", "b failed")));
        assertThat(later).hasValue(0);
    }

    @Test
    void evaluate_anyModeFirstPass_stopsEvaluating() {
        AtomicInteger later = new AtomicInteger();
        PolicyDecision decision = evaluate(ANY,
                custom("a", inline(PolicyResult.fail("a failed")), b -> b.withOrder(1)),
                custom("b", inline(PolicyResult.pass("b passed")), b -> b.withOrder(2)),
                custom("c", counting(later), b -> b.withOrder(3)));
        assertThat(decision).isEqualTo(new PolicyDecision(true, List.of("a failed", "b passed")));
        assertThat(later).hasValue(0);
    }

    @Test
    void evaluate_groupBinding_passesForMembersOnly() {
        CompiledBinding admins = compiled(PolicyBinding.group("admins"));
        assertThat(engine.evaluate(List.of(admins), ALL, request(ALICE)).passing()).isTrue();
        assertThat(engine.evaluate(List.of(admins), ALL, request(TestData.BOB)).passing()).isFalse();
        assertThat(engine.evaluate(List.of(admins), ALL, request(null)).passing()).isFalse();
    }

    @Test
    void evaluate_userBinding_matchesUsernameIgnoringCase() {
        CompiledBinding alice = compiled(PolicyBinding.user("ALICE"));
        assertThat(engine.evaluate(List.of(alice), ALL, request(ALICE)).passing()).isTrue();
        assertThat(engine.evaluate(List.of(alice), ALL, request(TestData.BOB)).passing()).isFalse();
        assertThat(engine.evaluate(List.of(alice), ALL, request(null)).passing()).isFalse();
    }

    @Test
    void evaluate_negatedUserBindingWithoutUser_passes() {
        CompiledBinding notAlice = compiled(PolicyBinding.user("alice").negated());
        assertThat(engine.evaluate(List.of(notAlice), ALL, request(null)).passing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void evaluate_erroredPolicy_yieldsFailureResultAndReportsIt(boolean failureResult) {
        PolicyDecision decision = evaluate(ALL,
                custom("broken", inline(PolicyResult.errored("directory unavailable")), b -> b.withFailureResult(failureResult)));
        PolicyError error = new PolicyError("broken", "directory unavailable");
        assertThat(decision).isEqualTo(new PolicyDecision(failureResult, List.of(), List.of(error)));
        assertThat(decision.errored()).isTrue();
        assertThat(errors).containsExactly(error);
    }

    @Test
    void evaluate_erroredNegatedPolicy_failureResultIsNotNegated() {
        PolicyDecision decision = evaluate(ANY,
                custom("broken", inline(PolicyResult.errored("down")), PolicyBinding::negated));
        assertThat(decision.passing()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void evaluate_throwingPolicy_yieldsFailureResult(boolean inline) {
        PolicyDecision decision = evaluate(ANY, custom("thrower", throwing(inline), Function.identity()));
        assertThat(decision.passing()).isFalse();
        assertThat(errors).containsExactly(new PolicyError("thrower", "policy 'thrower' threw IllegalStateException"));
    }

    @Test
    void evaluate_policyReturningNull_isAnError() {
        assertThat(evaluate(ANY, custom("null", inline(null), Function.identity())).passing()).isFalse();
        assertThat(errors).containsExactly(new PolicyError("null", "policy 'null' returned no result"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void evaluate_policyExceedingTimeout_yieldsFailureResultAndReportsIt(boolean failureResult) {
        PolicyDefinition slow = PolicyDefinition.of("slow", PolicyDefinition.DUMMY,
                new PolicyDefinition.DummyConfig(true, Duration.ofSeconds(5)));
        PolicyBinding binding = PolicyBinding.policy(slow).withTimeout(Duration.ofMillis(100)).withFailureResult(failureResult);
        PolicyDecision decision = evaluate(ANY, compiled(binding.negated()));
        assertThat(decision.passing()).isEqualTo(failureResult);
        assertThat(errors).containsExactly(new PolicyError("slow", "policy 'slow' timed out after 100 ms"));
    }

    @Test
    void evaluate_executorRejectsPolicy_yieldsFailureResult() {
        executor.shutdown();
        PolicyDecision decision = evaluate(ANY, custom("remote", throwing(false), Function.identity()));
        assertThat(decision.passing()).isFalse();
        assertThat(errors).extracting(PolicyError::message).containsExactly(
                "policy 'remote' could not run: the policy executor rejected it");
    }

    @Test
    void evaluate_nonBooleanExpression_yieldsFailureResultAndReportsIt() {
        PolicyDecision decision = evaluate(ANY, compiled(expression("name", "user.username")));
        assertThat(decision.passing()).isFalse();
        assertThat(errors).containsExactly(new PolicyError("name", "expression policy 'name' returned a string, not a boolean"));
    }

    @Test
    void evaluate_expressionPolicies_decideOnTheRequest() {
        CompiledBinding admins = compiled(expression("admins", "isGroupMember(user, 'admins')"));
        CompiledBinding example = compiled(expression("example", "prompt_data.email.endsWith('@example.com')"));
        assertThat(evaluate(ALL, admins, example).passing()).isTrue();
        assertThat(engine.evaluate(List.of(admins, example), ALL, request(TestData.BOB)).passing()).isFalse();
        assertThat(errors).isEmpty();
    }

    @Test
    void evaluate_listenerThrows_stillFailsClosed() {
        PolicyEngine throwingListener = new PolicyEngine(executor, error -> {
            throw new IllegalStateException("listener down");
        });
        PolicyDecision decision = throwingListener.evaluate(
                List.of(custom("broken", inline(PolicyResult.errored("x")), Function.identity())), ANY, request(ALICE));
        assertThat(decision.passing()).isFalse();
    }

    private static Policy counting(AtomicInteger calls) {
        return request -> {
            calls.incrementAndGet();
            return PolicyResult.pass("late");
        };
    }

    private static Policy throwing(boolean inline) {
        return new Policy() {
            @Override
            public PolicyResult evaluate(dev.flowstage.spi.PolicyRequest request) {
                throw new IllegalStateException("secret detail alice@example.com");
            }

            @Override
            public boolean runsInline() {
                return inline;
            }
        };
    }
}
