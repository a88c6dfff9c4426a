package dev.flowstage.policy;

import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyDefinition.DummyConfig;
import dev.flowstage.api.definition.PolicyDefinition.ExpressionConfig;
import dev.flowstage.spi.blueprint.BlueprintModel;
import dev.flowstage.spi.blueprint.ModelAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blueprint models of the built-in policy types: {@code authentik_policies_expression.expressionpolicy}
 * (MVEL expressions; authentik's Python is rejected with a translation hint) and
 * {@code authentik_policies_dummy.dummypolicy}. Blueprint importers register them by default.
 */
public final class BuiltinPolicyModels {
    /** The model name of expression policies. */
    public static final String EXPRESSION = "authentik_policies_expression.expressionpolicy";
    /** The model name of dummy policies. */
    public static final String DUMMY = "authentik_policies_dummy.dummypolicy";

    private BuiltinPolicyModels() {}

    /** Returns the models of the built-in policy types; they are stateless and may be shared. */
    public static List<BlueprintModel<?>> all() {
        return List.of(new ExpressionModel(), dummy());
    }

    private static BlueprintModel<DummyConfig> dummy() {
        return BlueprintModel.policy(DUMMY, PolicyDefinition.DUMMY, DummyConfig.class, BuiltinPolicyModels::readDummy,
                config -> {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    attributes.put("result", config.result());
                    attributes.put("wait_min", config.delay().toSeconds());
                    attributes.put("wait_max", config.delay().toSeconds());
                    return attributes;
                });
    }

    /** authentik waits a random time between wait_min and wait_max; Flowstage waits a fixed time, so they must agree. */
    private static DummyConfig readDummy(ModelAttributes attributes) {
        boolean result = attributes.bool("result", false);
        int min = attributes.integer("wait_min", 0);
        int max = attributes.integer("wait_max", min);
        if (min < 0) {
            attributes.problem("wait_min", "must not be negative, got " + min);
            return new DummyConfig(result, Duration.ZERO);
        }
        if (max != min) {
            attributes.problem("wait_max", "must equal wait_min (" + min + "): the dummy policy waits a fixed time");
        }
        return new DummyConfig(result, Duration.ofSeconds(min));
    }

    /** The expression policy model: checks that the expression compiles as sandboxed MVEL. */
    private static final class ExpressionModel implements BlueprintModel<ExpressionConfig> {
        @Override
        public String modelName() {
            return EXPRESSION;
        }

        @Override
        public Kind kind() {
            return Kind.POLICY;
        }

        @Override
        public String typeId() {
            return PolicyDefinition.EXPRESSION;
        }

        @Override
        public Class<ExpressionConfig> configType() {
            return ExpressionConfig.class;
        }

        @Override
        public ExpressionConfig fromAttributes(ModelAttributes attributes) {
            return new ExpressionConfig(attributes.requiredString("expression"));
        }

        @Override
        public Map<String, Object> toAttributes(ExpressionConfig config) {
            return Map.of("expression", config.expression());
        }

        @Override
        public List<String> check(ExpressionConfig config) {
            try {
                SandboxedExpression.compile(config.expression(), ExpressionPolicyType.VARIABLES);
                return List.of();
            } catch (IllegalArgumentException e) {
                return List.of("expression: " + PythonHints.explain(config.expression(), e.getMessage()));
            }
        }
    }
}
