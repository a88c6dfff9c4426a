package dev.flowstage.core.internal.exec;

import dev.flowstage.policy.SandboxedExpression;
import dev.flowstage.spi.Expressions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Compiles stage expressions once (cached by source) and evaluates them in the sandbox. */
final class StageExpressions implements Expressions {
    private static final int MAX_CACHED = 10_000;
    private final Map<String, SandboxedExpression> compiled = new ConcurrentHashMap<>();

    @Override
    public Object evaluate(String source, Map<String, ?> variables) {
        return compile(source).evaluate(variables);
    }

    /** Returns the problems of {@code source}: empty when it compiles. */
    List<String> check(String source) {
        try {
            compile(source);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("expression '" + abbreviate(source) + "': " + e.getMessage());
        }
    }

    private SandboxedExpression compile(String source) {
        SandboxedExpression cached = compiled.get(source);
        if (cached != null) {
            return cached;
        }
        SandboxedExpression expression = SandboxedExpression.compile(source, Expressions.variables());
        if (compiled.size() < MAX_CACHED) {
            compiled.putIfAbsent(source, expression);
        }
        return expression;
    }

    private static String abbreviate(String source) {
        return source.length() <= 60 ? source : source.substring(0, 57) + "...";
    }
}
