package dev.flowstage.policy;

import static dev.flowstage.policy.TestData.ALICE;
import static dev.flowstage.policy.TestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyDefinition.DummyConfig;
import dev.flowstage.api.definition.PolicyDefinition.ExpressionConfig;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltinPolicyTypesTest {
    private final ExpressionPolicyType expressions = new ExpressionPolicyType();
    private final DummyPolicyType dummies = new DummyPolicyType();

    @Test
    void all_listsExpressionDummyAndPasswordTypes() {
        assertThat(BuiltinPolicyTypes.all()).extracting(PolicyType::typeId)
                .containsExactly(PolicyDefinition.EXPRESSION, PolicyDefinition.DUMMY, PasswordPolicyType.TYPE);
        assertThat(expressions.configType()).isEqualTo(ExpressionConfig.class);
        assertThat(dummies.configType()).isEqualTo(DummyConfig.class);
    }

    @Test
    void expression_booleanResult_passesOrFailsWithoutMessages() {
        assertThat(expression("user.username == 'alice'").evaluate(request(ALICE))).isEqualTo(PolicyResult.pass());
        assertThat(expression("user.username == 'alice'").evaluate(request(null))).isEqualTo(PolicyResult.fail());
    }

    @Test
    void expression_nonBooleanResult_errors() {
        assertThat(expression("user.groups").evaluate(request(ALICE)))
                .isEqualTo(PolicyResult.errored("expression policy 'x' returned a list, not a boolean"));
        assertThat(expression("request.query.missing").evaluate(request(ALICE)))
                .isEqualTo(PolicyResult.errored("expression policy 'x' returned null, not a boolean"));
        assertThat(expression("user.attributes.level").evaluate(request(ALICE)))
                .isEqualTo(PolicyResult.errored("expression policy 'x' returned a number, not a boolean"));
    }

    @Test
    void expression_failureWhileEvaluating_errorsWithoutValues() {
        PolicyResult result = expression("user.groups[9] == user.email").evaluate(request(ALICE));
        assertThat(result).isInstanceOf(PolicyResult.Errored.class);
        assertThat(result.messages().get(0))
                .startsWith("expression policy 'x': expression failed while evaluating (")
                .doesNotContain("alice");
    }

    @Test
    void expression_promptData_isTheContextsPromptDataOrEmpty() {
        Policy policy = expression("prompt_data.email.endsWith('@example.com') && context.prompt_data.email == prompt_data.email");
        assertThat(policy.evaluate(request(ALICE))).isEqualTo(PolicyResult.pass());
        PolicyRequest noPrompt = new PolicyRequest(ALICE, TestData.REQUEST, FlowContext.empty());
        assertThat(expression("prompt_data.isEmpty()").evaluate(noPrompt)).isEqualTo(PolicyResult.pass());
        PolicyRequest other = new PolicyRequest(ALICE, TestData.REQUEST,
                FlowContext.empty().with(ContextKeys.PROMPT_DATA, Map.of("email", "eve@evil.test")));
        assertThat(policy.evaluate(other)).isEqualTo(PolicyResult.fail());
    }

    @Test
    void expression_runsInline() {
        assertThat(expression("true").runsInline()).isTrue();
    }

    @Test
    void expression_syntaxError_refusedNamingThePolicy() {
        assertThatThrownBy(() -> expression("user.username =="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expression policy 'x': expression ends too early");
    }

    @Test
    void dummy_withoutDelay_returnsResultInline() {
        Policy policy = dummies.compile("d", new DummyConfig(false, Duration.ZERO));
        assertThat(policy.evaluate(request(null))).isEqualTo(PolicyResult.fail("dummy"));
        assertThat(policy.runsInline()).isTrue();
    }

    @Test
    void dummy_withDelay_doesNotRunInline() {
        assertThat(dummies.compile("d", new DummyConfig(true, Duration.ofSeconds(5))).runsInline()).isFalse();
    }

    @Test
    void dummy_interruptedWhileWaiting_errors() {
        Policy policy = dummies.compile("d", new DummyConfig(true, Duration.ofSeconds(5)));
        Thread.currentThread().interrupt(); // the wait then ends at once
        try {
            assertThat(policy.evaluate(request(null))).isEqualTo(PolicyResult.errored("dummy policy 'd' was interrupted"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private Policy expression(String expression) {
        return expressions.compile("x", new ExpressionConfig(expression));
    }
}
