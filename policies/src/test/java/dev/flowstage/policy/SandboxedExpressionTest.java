package dev.flowstage.policy;

import static dev.flowstage.policy.TestData.ALICE;
import static dev.flowstage.policy.TestData.CONTEXT;
import static dev.flowstage.policy.TestData.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.Secret;
import dev.flowstage.api.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What sandboxed expressions can do: read their variables through the allowed operators and methods. */
class SandboxedExpressionTest {

    static Stream<Arguments> aliceExpressions() {
        return Stream.of(
                value("user.username == 'alice'", true),
                value("user.username == \"alice\"", true),
                value("user.username.equalsIgnoreCase('ALICE')", true),
                value("user.groups contains 'admins'", true),
                value("user.groups.contains('admins')", true),
                value("user.groups.contains('root')", false),
                value("isGroupMember(user, 'admins')", true),
                value("isGroupMember(user, 'root')", false),
                value("user.isMemberOf('staff')", true),
                value("user.groups.size() == 2 && user.groups[0] == 'admins'", true),
                value("user.groups.get(1) == 'staff'", true),
                value("user.attributes.department == 'it'", true),
                value("user.attributes['department'] == 'it'", true),
                value("user.attributes.level + 1 > 4", true),
                value("user.attributes.missing == null", true),
                value("user.passwordHash == null", true),
                value("!user.superuser && user.active", true),
                value("context.prompt_data.email.endsWith('@example.com')", true),
                value("prompt_data.email.endsWith('@example.com')", true),
                value("prompt_data.age >= 18", true),
                value("context.pending_user.username == user.username", true),
                value("context.missing.deeper == null", true),
                value("request.query.next != null", true),
                value("request.query.?next == '/app'", true),
                value("request.query.missing != null", false),
                value("request.ip.startsWith('10.') && request.user_agent.toLowerCase().contains('firefox')", true),
                value("request.host.trim().length() > 3", true),
                value("user.getClass == null && user.attributes.getClassLoader == null", true),
                value("1 + 2 * 3 == 7", true),
                value("true || false && false", true),
                value("(true || false) && false", false),
                value("10 - 5 + 2", 7),
                value("-3 < 0", true),
                value("user == null ? 'anonymous' : user.username", "alice"),
                value("'Hello ' + user.name", "Hello Alice"),
                value("request.user_agent == 'new while; { } # @ Runtime ~= (a+)+$'", false),
                value("user.groups", List.of("admins", "staff")));
    }

    private static Arguments value(String expression, Object expected) {
        return Arguments.of(expression, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliceExpressions")
    void evaluate_allowedExpression_readsTheVariables(String expression, Object expected) {
        SandboxedExpression compiled = SandboxedExpression.compile(expression, ExpressionPolicyType.VARIABLES);
        assertThat(compiled.evaluate(variables(ALICE))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliceExpressions")
    void evaluate_manyTimes_staysCorrectAfterMvelOptimisesIt(String expression, Object expected) {
        SandboxedExpression compiled = SandboxedExpression.compile(expression, ExpressionPolicyType.VARIABLES);
        for (int i = 0; i < 300; i++) {
            compiled.evaluate(variables(i % 3 == 0 ? TestData.CAROL : ALICE));
        }
        assertThat(compiled.evaluate(variables(ALICE))).isEqualTo(expected);
    }

    static Stream<Arguments> anonymousExpressions() {
        return Stream.of(
                value("user == null", true),
                value("user.username == 'alice'", false),
                value("user.groups.contains('admins')", null),
                value("isGroupMember(user, 'admins')", false),
                value("user.groups contains 'admins'", false),
                value("user == null ? 'anonymous' : user.username", "anonymous"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("anonymousExpressions")
    void evaluate_nullUser_chainsYieldNullInsteadOfFailing(String expression, Object expected) {
        SandboxedExpression compiled = SandboxedExpression.compile(expression, ExpressionPolicyType.VARIABLES);
        assertThat(compiled.evaluate(variables(null))).isEqualTo(expected);
    }

    @Test
    void evaluate_returnedList_cannotBeModified() {
        Object groups = SandboxedExpression.compile("user.groups", ExpressionPolicyType.VARIABLES).evaluate(variables(ALICE));
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) groups;
        assertThatThrownBy(() -> list.add("root")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void evaluate_returnedUserMap_hasNoPasswordHashAndCannotBeModified() {
        Object user = SandboxedExpression.compile("user", ExpressionPolicyType.VARIABLES).evaluate(variables(ALICE));
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) user;
        assertThat(map).containsOnlyKeys("id", "username", "email", "name", "active", "superuser", "groups", "attributes");
        assertThat(map.toString()).doesNotContain("argon2id");
        assertThatThrownBy(() -> map.put("superuser", true)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void evaluate_secretInPromptData_isNeitherEqualToItsValueNorPrinted() {
        FlowContext context = CONTEXT.with(ContextKeys.PROMPT_DATA, Map.of("password", Secret.of("s3cret")));
        Map<String, Object> variables = Map.of("prompt_data", context.asMap().get("prompt_data"));
        assertThat(SandboxedExpression.compile("prompt_data.password == 's3cret'", ExpressionPolicyType.VARIABLES)
                        .evaluate(variables)).isEqualTo(false);
        assertThat(SandboxedExpression.compile("'' + prompt_data.password", ExpressionPolicyType.VARIABLES)
                        .evaluate(variables)).isEqualTo("[redacted]");
    }

    @Test
    void evaluate_indexOutOfRange_throwsExpressionExceptionWithoutValues() {
        SandboxedExpression compiled = SandboxedExpression.compile("user.groups[5] == 'alice@example.com'",
                ExpressionPolicyType.VARIABLES);
        assertThatThrownBy(() -> compiled.evaluate(variables(ALICE)))
                .isInstanceOf(ExpressionException.class)
                .hasMessageStartingWith("expression failed while evaluating (")
                .hasMessageNotContaining("alice");
    }

    @Test
    void evaluate_propertyOfAString_isAMapLookupThatFailsRatherThanAMethodCall() {
        SandboxedExpression compiled = SandboxedExpression.compile("request.ip.getClass", ExpressionPolicyType.VARIABLES);
        assertThatThrownBy(() -> compiled.evaluate(variables(ALICE))).isInstanceOf(ExpressionException.class);
    }

    @Test
    void evaluate_undeclaredVariable_refused() {
        SandboxedExpression compiled = SandboxedExpression.compile("user == null", ExpressionPolicyType.VARIABLES);
        assertThatThrownBy(() -> compiled.evaluate(Map.of("session", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("variable 'session' was not declared when the expression was compiled");
    }

    @Test
    void referencedVariables_listsOnlyTheVariablesRead() {
        SandboxedExpression compiled = SandboxedExpression.compile("user.username == prompt_data.username",
                ExpressionPolicyType.VARIABLES);
        assertThat(compiled.referencedVariables()).containsExactlyInAnyOrder("user", "prompt_data");
        assertThat(compiled.variableNames()).containsExactlyInAnyOrderElementsOf(ExpressionPolicyType.VARIABLES);
    }

    @Test
    void evaluate_promptInitialValue_returnsStringFromUserAndPromptData() {
        SandboxedExpression compiled = SandboxedExpression.compile(
                "prompt_data.email != null ? prompt_data.email : user.email", java.util.Set.of("user", "prompt_data"));
        assertThat(compiled.evaluate(Map.of("user", ALICE, "prompt_data", Map.of()))).isEqualTo("alice@example.com");
    }

    static Map<String, Object> variables(User user) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("user", user);
        variables.put("request", REQUEST);
        variables.put("context", CONTEXT);
        variables.put("prompt_data", CONTEXT.asMap().get("prompt_data"));
        return variables;
    }

    static RequestInfo request() {
        return REQUEST;
    }
}
