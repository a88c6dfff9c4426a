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
 * (MVEL expressions; authentik's Python is rejected with a translation hint),
 * {@code authentik_policies_password.passwordpolicy} and {@code authentik_policies_dummy.dummypolicy}. Blueprint importers register them by default.
 */
public final class BuiltinPolicyModels {
    /** The model name of expression policies. */
    public static final String EXPRESSION = "authentik_policies_expression.expressionpolicy";
    /** The model name of dummy policies. */
    public static final String DUMMY = "authentik_policies_dummy.dummypolicy";
    /** The model name of password policies. */
    public static final String PASSWORD = "authentik_policies_password.passwordpolicy";

    private BuiltinPolicyModels() {}

    /** Returns the models of the built-in policy types; they are stateless and may be shared. */
    public static List<BlueprintModel<?>> all() {
        return List.of(new ExpressionModel(), dummy(), password());
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

    /**
     * authentik's password policy attributes; {@code check_static_rules: false} turns the static rules
     * off (their amounts read as 0), and the Have I Been Pwned check is not supported.
     */
    private static BlueprintModel<PasswordPolicyConfig> password() {
        return BlueprintModel.policy(PASSWORD, PasswordPolicyType.TYPE, PasswordPolicyConfig.class,
                BuiltinPolicyModels::readPassword, config -> {
                    Map<String, Object> attributes = new LinkedHashMap<>();
                    attributes.put("password_field", config.passwordField());
                    attributes.put("check_static_rules", true);
                    attributes.put("length_min", config.lengthMin());
                    attributes.put("amount_uppercase", config.amountUppercase());
                    attributes.put("amount_lowercase", config.amountLowercase());
                    attributes.put("amount_digits", config.amountDigits());
                    attributes.put("amount_symbols", config.amountSymbols());
                    attributes.put("symbol_charset", config.symbolCharset());
                    attributes.put("error_message", config.errorMessage());
                    attributes.put("check_zxcvbn", config.checkStrength());
                    attributes.put("zxcvbn_score_threshold", config.strengthScoreThreshold());
                    return attributes;
                });
    }

    private static PasswordPolicyConfig readPassword(ModelAttributes attrs) {
        PasswordPolicyConfig d = PasswordPolicyConfig.defaults();
        attrs.unsupported("check_have_i_been_pwned", "the Have I Been Pwned lookup is not supported");
        attrs.ignore("hibp_allowed_count");
        boolean rules = attrs.bool("check_static_rules", true);
        int length = attrs.integer("length_min", d.lengthMin());
        int upper = attrs.integer("amount_uppercase", d.amountUppercase());
        int lower = attrs.integer("amount_lowercase", d.amountLowercase());
        int digits = attrs.integer("amount_digits", d.amountDigits());
        int symbols = attrs.integer("amount_symbols", d.amountSymbols());
        return new PasswordPolicyConfig(attrs.string("password_field", d.passwordField()), rules ? length : 0,
                rules ? upper : 0, rules ? lower : 0, rules ? digits : 0, rules ? symbols : 0,
                attrs.string("symbol_charset", d.symbolCharset()), attrs.string("error_message", d.errorMessage()),
                attrs.bool("check_zxcvbn", d.checkStrength()),
                attrs.integer("zxcvbn_score_threshold", d.strengthScoreThreshold()));
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
