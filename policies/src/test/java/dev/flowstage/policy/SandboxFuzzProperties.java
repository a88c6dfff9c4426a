package dev.flowstage.policy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.assertj.core.api.Assertions;

/**
 * Random token soups, hostile and harmless mixed: compiling either succeeds or throws
 * {@link IllegalArgumentException}; whatever compiles contains no refused construct and, when
 * evaluated, either returns or throws {@link ExpressionException}.
 */
class SandboxFuzzProperties {
    private static final List<String> TOKENS = List.of("user", "request", "context", "prompt_data", ".", ".?", "username",
            "groups", "attributes", "ip", "query", "email", "getClass", "contains", "size", "get", "isMemberOf", "(", ")",
            "[", "]", "'admins'", "\"x\"", "0", "1", "==", "!=", "<", "&&", "||", "!", "+", "-", "*", "?", ":", ",", "null",
            "true", "isGroupMember", "Runtime", "class", "new", "this", "while", "~=", "=", ";", "{", "}", "@", "#", "in",
            "matches", "add");
    /** Constructs that must never compile; class-like names only as the start of a chain, methods only as calls. */
    private static final Pattern REFUSED = Pattern.compile(String.join("|",
            "\\b(new|this|while|in|class|classLoader)\\b",
            "(?<!\\.\\s?)(?<!\\.\\?\\s?)\\b(Runtime|System|Class|java)\\b",
            "\\b(getClass|matches|add|repeat)\\s*\\(",
            "~=|(?<![=!<>])=(?!=)|[;{}@#]"));
    private static final Map<String, Object> VARIABLES = SandboxedExpressionTest.variables(TestData.ALICE);

    @Provide
    Arbitrary<String> soups() {
        Arbitrary<List<String>> tokens = Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(14);
        return Arbitraries.oneOf(tokens.map(list -> String.join("", list)), tokens.map(list -> String.join(" ", list)));
    }

    /** Expressions built by the grammar, with refused roots, members and operators mixed in. */
    @Provide
    Arbitrary<String> expressions() {
        return expression(3);
    }

    private Arbitrary<String> expression(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<String> smaller = expression(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom()),
                Tuple.of(3, Combinators.combine(smaller, Arbitraries.of("==", "!=", "&&", "||", "+", "<",
                        "contains", "=", "~=", "in"), smaller).as((a, op, b) -> a + " " + op + " " + b)),
                Tuple.of(1, smaller.map(e -> "!(" + e + ")")),
                Tuple.of(1, Combinators.combine(smaller, smaller, smaller).as((c, a, b) -> c + " ? " + a + " : " + b)),
                Tuple.of(1, smaller.map(e -> "isGroupMember(user, " + e + ")")));
    }

    private Arbitrary<String> atom() {
        Arbitrary<String> root = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("user", "request", "context", "prompt_data")),
                Tuple.of(1, Arbitraries.of("Runtime", "System", "java.lang.Runtime", "this", "Class")));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("username", "groups", "attributes", "ip", "query", "email", "next")),
                Tuple.of(1, Arbitraries.of("class", "classLoader", "getClass", "new")));
        Arbitrary<String> method = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(".contains('admins')", ".size()", ".isEmpty()", ".toLowerCase()",
                        ".get(0)", ".startsWith('a')", ".isMemberOf('admins')", ".containsKey('k')")),
                Tuple.of(1, Arbitraries.of(".getClass()", ".add('x')", ".matches('a+')", ".repeat(3)")));
        Arbitrary<String> member = Arbitraries.oneOf(name.map(n -> "." + n), method, Arbitraries.of("['k']", "[0]"));
        Arbitrary<String> chain = Combinators.combine(root, member.list().ofMaxSize(3)).as((r, m) -> r + String.join("", m));
        return Arbitraries.oneOf(chain, chain, Arbitraries.of("'admins'", "1", "null", "true", "false"));
    }

    @Property(tries = 3000)
    void compile_grammarExpression_refusesOrCompilesOnlySafeText(@ForAll("expressions") String source) {
        compile_anyTokenSoup_refusesOrCompilesOnlySafeText(source);
    }

    @Property(tries = 3000)
    void compile_anyTokenSoup_refusesOrCompilesOnlySafeText(@ForAll("soups") String source) {
        SandboxedExpression expression;
        try {
            expression = SandboxedExpression.compile(source, ExpressionPolicyType.VARIABLES);
        } catch (IllegalArgumentException refused) {
            Assertions.assertThat(refused.getMessage()).isNotBlank();
            Statistics.collect("refused");
            return;
        }
        Statistics.collect("compiled");
        Assertions.assertThat(REFUSED.matcher(source.replaceAll("'[^']*'|\"x\"", "")).find())
                .as("compiled a refused construct: %s", source).isFalse();
        try {
            expression.evaluate(VARIABLES);
        } catch (ExpressionException failed) {
            Assertions.assertThat(failed.getMessage()).startsWith("expression failed while evaluating");
        }
    }
}
