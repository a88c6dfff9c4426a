package dev.flowstage.policy;

import dev.flowstage.policy.internal.MvelExpression;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compiled, sandboxed MVEL expression over a fixed set of variables, for expression policies,
 * prompt placeholders and initial values.
 *
 * <p>An expression is one expression, not a script: string, number, {@code true}/{@code false}/
 * {@code null} literals; the operators {@code == != < > <= >= && || ! + - * / % ?: contains};
 * parentheses; and chains that start at a declared variable and read properties
 * ({@code user.username}, {@code context.prompt_data.email}), indexes ({@code user.groups[0]},
 * {@code user.attributes['k']}) and call the non-mutating methods {@code contains, containsKey,
 * startsWith, endsWith, equals, equalsIgnoreCase, size, isEmpty, length, toLowerCase, toUpperCase,
 * trim, get, isMemberOf}. The function {@code isGroupMember(user, 'admins')} is available. Every
 * member access is null-safe: reading past a null value or a missing map key yields null.
 *
 * <p>Everything else is refused by {@link #compile} with a message naming the construct: class
 * names ({@code Runtime}, {@code System}, {@code Class}), {@code new}, reflection, loops,
 * functions, assignment, regular expressions ({@code ~=}, {@code matches}), blocks, templates,
 * and expressions longer than {@value #MAX_LENGTH} characters. Without loops, regular expressions
 * or unbounded methods, an evaluation's running time is bounded by the expression's length and
 * the size of its inputs.
 *
 * <p>Variables are passed as data: a {@link dev.flowstage.api.User} becomes a map of
 * {@code id, username, email, name, active, superuser, groups, attributes} (never the password
 * hash), a {@link dev.flowstage.api.RequestInfo} a map of {@code ip, user_agent, host, query}, a
 * {@link dev.flowstage.api.FlowContext} a map of its values, records maps of their components,
 * and all maps and lists read-only views.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SandboxedExpression {
    /** The longest expression accepted, in characters. */
    public static final int MAX_LENGTH = 4096;

    private final String source;
    private final Set<String> variableNames;
    private final MvelExpression expression;

    private SandboxedExpression(String source, Set<String> variableNames, MvelExpression expression) {
        this.source = source;
        this.variableNames = variableNames;
        this.expression = expression;
    }

    /**
     * Returns {@code source} compiled as an expression that may read {@code variableNames}
     * (listed in messages in the set's iteration order).
     *
     * @throws IllegalArgumentException with a lower-case message naming the refused construct, such
     *     as {@code "'Runtime' is not allowed: expressions may only read the variables user, request"}
     */
    public static SandboxedExpression compile(String source, Set<String> variableNames) {
        Objects.requireNonNull(source, "source");
        List<String> names = List.copyOf(Objects.requireNonNull(variableNames, "variableNames"));
        return new SandboxedExpression(source, Set.copyOf(names), MvelExpression.compile(source, names));
    }

    /**
     * Returns the expression's value for {@code variables}: null, a string, a boolean, a number,
     * or a read-only map or list view. A declared variable missing from {@code variables} is null.
     *
     * @throws IllegalArgumentException when {@code variables} holds a name that was not declared
     * @throws ExpressionException when evaluation fails; the message never contains values
     */
    public Object evaluate(Map<String, ?> variables) {
        for (String name : variables.keySet()) {
            if (!variableNames.contains(name)) {
                throw new IllegalArgumentException("variable '" + name + "' was not declared when the expression was compiled");
            }
        }
        try {
            return expression.evaluate(variables);
        } catch (IllegalStateException e) {
            throw new ExpressionException(e.getMessage());
        }
    }

    /** Returns the expression as written. */
    public String source() {
        return source;
    }

    /** Returns the variables the expression was compiled with. */
    public Set<String> variableNames() {
        return variableNames;
    }

    /** Returns the declared variables the expression actually reads. */
    public Set<String> referencedVariables() {
        return expression.variables();
    }

    /** Returns the source, which is configuration written by an administrator. */
    @Override
    public String toString() {
        return "SandboxedExpression[" + source + "]";
    }
}
