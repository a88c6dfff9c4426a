package dev.flowstage.policy;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyDefinition.ExpressionConfig;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expression policy type ({@value PolicyDefinition#EXPRESSION}): a {@link SandboxedExpression}
 * that must evaluate to a boolean, over the variables {@code user} (null when there is none),
 * {@code request}, {@code context} and {@code prompt_data} (the context's prompt data, or an empty
 * map).
 *
 * <p>{@link #compile} compiles the expression once and throws {@link IllegalArgumentException}
 * naming the refused construct, prefixed with {@code "expression policy '<name>': "}. At
 * evaluation, a non-boolean value or a failure yields {@link PolicyResult.Errored}, so the
 * binding's failure result applies. Policies run inline: the sandbox bounds their running time.
 * Stateless and thread-safe.
 */
public final class ExpressionPolicyType implements PolicyType<ExpressionConfig> {
    /** The variables expression policies read, in the order messages list them. */
    public static final Set<String> VARIABLES =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of("user", "request", "context", "prompt_data")));

    @Override
    public String typeId() {
        return PolicyDefinition.EXPRESSION;
    }

    @Override
    public Class<ExpressionConfig> configType() {
        return ExpressionConfig.class;
    }

    @Override
    public Policy compile(String policyName, ExpressionConfig config) {
        try {
            return new ExpressionPolicy(policyName, SandboxedExpression.compile(config.expression(), VARIABLES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expression policy '" + policyName + "': " + e.getMessage(), e);
        }
    }

    /** One compiled expression policy. */
    private record ExpressionPolicy(String name, SandboxedExpression expression) implements Policy {

        @Override
        public PolicyResult evaluate(PolicyRequest request) {
            Object value;
            try {
                value = expression.evaluate(variables(request));
            } catch (ExpressionException e) {
                return PolicyResult.errored("expression policy '" + name + "': " + e.getMessage());
            }
            if (value instanceof Boolean passing) {
                return PolicyResult.of(passing, List.of());
            }
            return PolicyResult.errored("expression policy '" + name + "' returned " + typeName(value) + ", not a boolean");
        }

        @Override
        public boolean runsInline() {
            return true;
        }

        private static Map<String, Object> variables(PolicyRequest request) {
            Map<String, Object> variables = new HashMap<>(8);
            variables.put("user", request.user());
            variables.put("request", request.request());
            variables.put("context", request.context());
            Object promptData = request.context().asMap().get(ContextKeys.PROMPT_DATA.name());
            variables.put("prompt_data", promptData == null ? Map.of() : promptData);
            return variables;
        }

        private static String typeName(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                return value instanceof Map<?, ?> ? "a map" : "a list";
            }
            if (value instanceof String || value instanceof Number) {
                return value instanceof String ? "a string" : "a number";
            }
            return "a " + value.getClass().getSimpleName();
        }
    }
}
