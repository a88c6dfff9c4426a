package dev.flowstage.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attack is refused when compiling, with a message that names the refused construct. */
class HostileExpressionTest {
    private static final String ONLY_VARIABLES =
            " is not allowed: expressions may only read the variables user, request, context, prompt_data";

    static Stream<Arguments> attacks() {
        return Stream.of(
                refused("Runtime.getRuntime().exec('id')", "'Runtime'" + ONLY_VARIABLES),
                refused("System.exit(0)", "'System'" + ONLY_VARIABLES),
                refused("Class.forName('java.lang.Runtime')", "'Class'" + ONLY_VARIABLES),
                refused("Thread.sleep(1000)", "'Thread'" + ONLY_VARIABLES),
                refused("java.lang.ProcessBuilder", "'java.lang.ProcessBuilder'" + ONLY_VARIABLES),
                refused("java.lang.Runtime.getRuntime()", "'java.lang.Runtime'" + ONLY_VARIABLES),
                refused("user.getClass().getClassLoader()", "method 'getClass' is not allowed (expressions cannot use reflection"),
                refused("request.getClass().getClassLoader()", "method 'getClass' is not allowed"),
                refused("context.getClass()", "method 'getClass' is not allowed"),
                refused("prompt_data.getClass()", "method 'getClass' is not allowed"),
                refused("request.ip.getClass().getMethod('length').invoke(request.ip)", "method 'getClass' is not allowed"),
                refused("user.class.forName('java.lang.Runtime')", "property 'class' is not allowed"),
                refused("user.attributes.class.classLoader", "property 'class' is not allowed"),
                refused("request.ip.classLoader", "property 'classLoader' is not allowed"),
                refused("new java.io.File('/etc/passwd')", "'new' is not allowed (expressions cannot create objects)"),
                refused("new java.lang.ProcessBuilder('id').start()", "'new' is not allowed"),
                refused("while(true){}", "'while' loops are not allowed"),
                refused("for (g : user.groups) { }", "'for' loops are not allowed"),
                refused("foreach (g : user.groups) { }", "'foreach' loops are not allowed"),
                refused("do { } while (true)", "'do' loops are not allowed"),
                refused("def f(x){f(x)}", "'def' is not allowed (expressions cannot define functions)"),
                refused("function f() { }", "'function' is not allowed"),
                refused("import java.io.File", "'import' is not allowed (expressions cannot reach classes)"),
                refused("request.ip ~= '(a+)+$'", "'~=' is not allowed (regular expressions can take unbounded time)"),
                refused("request.ip.matches('(a+)+$')", "method 'matches' is not allowed (regular expressions"),
                refused("request.ip.replaceAll('(a+)+$', '')", "method 'replaceAll' is not allowed"),
                refused("request.ip.repeat(2000000000)", "method 'repeat' is not allowed; the allowed methods are contains"),
                refused("user.groups.add('admins')", "method 'add' is not allowed (expressions cannot modify data)"),
                refused("user.attributes.put('role', 'admin')", "method 'put' is not allowed (expressions cannot modify data)"),
                refused("user.groups.clear()", "method 'clear' is not allowed (expressions cannot modify data)"),
                refused("user.username = 'root'", "assignment '=' is not allowed (expressions cannot modify data)"),
                refused("user.username += 'root'", "assignment '+=' is not allowed"),
                refused("user.attributes.count++", "'++' is not allowed (expressions cannot modify data)"),
                refused("user with { username = 'root' }", "'with' blocks are not allowed"),
                refused("user.username == 'a'; System.exit(0)", "';' is not allowed"),
                refused("@{user.username}", "'@' is not allowed (templates and interpolation are not supported)"),
                refused("#{user.username}", "'#' is not allowed (interpolation is not supported)"),
                refused("user.groups.{ it }", "'{' is not allowed"),
                refused("($ in user.groups)", "'$' is not allowed"),
                refused("'admins' in user.groups", "'in' is not allowed; write 'list contains value'"),
                refused("request.ip instanceof String", "'instanceof' is not allowed (expressions cannot reach classes)"),
                refused("this.user", "'this' is not allowed"),
                refused("if (true) { 1 }", "'if' is not allowed; use the conditional operator"),
                refused("user.username /* ' */", "comments are not allowed"),
                refused("user.username // ", "comments are not allowed"),
                refused("user.groups[user.getClass()]", "method 'getClass' is not allowed"),
                refused("user.groups.contains(Runtime)", "'Runtime'" + ONLY_VARIABLES),
                refused("isGroupMember(Runtime, 'admins')", "'Runtime'" + ONLY_VARIABLES),
                refused("exec('id')", "function 'exec' is not allowed; the only function is isGroupMember(user, group)"),
                refused("user == null ? System : null", "'System'" + ONLY_VARIABLES),
                refused("'abc'.length()", "unexpected '.' at position 5"),
                refused("user.username == 'a' || \uff32untime", "character U+FF32 at position 24 is not allowed"),
                refused("request.ip | 1", "'|' is not allowed (bitwise operators are not supported"),
                refused("user.username == 'a", "string literal at position 17 is not terminated"),
                refused("0x7fffffff", "malformed number at position 0"),
                refused("(".repeat(40) + "true" + ")".repeat(40), "expression nests deeper than 32 levels"),
                refused("!".repeat(40) + "true", "expression nests deeper than 32 levels"),
                refused("user.username == '" + "a".repeat(5000) + "'", "expression is 5019 characters long; at most 4096 are allowed"));
    }

    private static Arguments refused(String expression, String message) {
        return Arguments.of(expression, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void compile_hostileExpression_refusedNamingTheConstruct(String expression, String message) {
        assertThatThrownBy(() -> SandboxedExpression.compile(expression, ExpressionPolicyType.VARIABLES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    @Timeout(30) // a guard against a hanging compiler, not a timing assertion
    void compile_literalCatastrophicRegex_refusedWithoutRunningIt() {
        assertThatThrownBy(() -> SandboxedExpression.compile(
                        "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' ~= '(a+)+$'", ExpressionPolicyType.VARIABLES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'~=' is not allowed");
    }

    @Test
    void compile_expressionPolicyWithClassLiteral_messageNamesPolicyAndConstruct() {
        assertThatThrownBy(() -> new ExpressionPolicyType().compile("x",
                        new dev.flowstage.api.definition.PolicyDefinition.ExpressionConfig("Runtime.getRuntime().exec('id')")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expression policy 'x': 'Runtime'" + ONLY_VARIABLES);
    }

    @Test
    void compile_undeclaredVariable_refusedListingTheDeclaredOnes() {
        assertThatThrownBy(() -> SandboxedExpression.compile("request.ip == '1'", new java.util.LinkedHashSet<>(
                        java.util.List.of("user", "prompt_data"))))
                .hasMessage("'request' is not allowed: expressions may only read the variables user, prompt_data");
    }
}
