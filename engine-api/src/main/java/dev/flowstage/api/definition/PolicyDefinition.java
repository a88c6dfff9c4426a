package dev.flowstage.api.definition;

import java.util.Objects;

/**
 * A named, reusable policy: a unique name, the policy type's stable id (such as
 * {@code builtin.expression}) and its configuration.
 *
 * @param name the policy's unique name
 * @param type the stable type id of a registered {@code dev.flowstage.spi.PolicyType}
 * @param config the configuration, an instance of the policy type's config class
 */
public record PolicyDefinition(String name, String type, Object config) {
    /** The type id of expression policies; their config is {@link ExpressionConfig}. */
    public static final String EXPRESSION = "builtin.expression";
    /** The type id of dummy policies; their config is {@link DummyConfig}. */
    public static final String DUMMY = "builtin.dummy";

    /** Validates the parts. */
    public PolicyDefinition {
        Definitions.requireName(name, "policy name");
        Definitions.requireName(type, "policy type of '" + name + "'");
        Objects.requireNonNull(config, "config of policy '" + name + "'");
    }

    /** Returns a policy named {@code name} of type {@code type} with {@code config}. */
    public static PolicyDefinition of(String name, String type, Object config) {
        return new PolicyDefinition(name, type, config);
    }

    /** Returns an expression policy named {@code name} evaluating the MVEL {@code expression}. */
    public static PolicyDefinition expression(String name, String expression) {
        return new PolicyDefinition(name, EXPRESSION, new ExpressionConfig(expression));
    }

    /** Returns a dummy policy named {@code name} that always returns {@code result}. */
    public static PolicyDefinition dummy(String name, boolean result) {
        return new PolicyDefinition(name, DUMMY, new DummyConfig(result, java.time.Duration.ZERO));
    }

    /**
     * Configures an expression policy.
     *
     * @param expression the MVEL expression; it must evaluate to a boolean
     */
    public record ExpressionConfig(String expression) {
        /** Validates the expression is present. */
        public ExpressionConfig {
            Objects.requireNonNull(expression, "expression");
        }
    }

    /**
     * Configures a dummy policy, for tests.
     *
     * @param result the result it returns
     * @param delay how long it waits before returning (to exercise timeouts); zero for none
     */
    public record DummyConfig(boolean result, java.time.Duration delay) {
        /** Validates the wait. */
        public DummyConfig {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("dummy policy delay must not be negative: " + delay);
            }
        }
    }
}
