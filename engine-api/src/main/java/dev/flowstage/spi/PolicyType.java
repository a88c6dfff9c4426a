package dev.flowstage.spi;

/**
 * A policy type, such as expression or password strength. Implement it and register the instance
 * on the engine builder; {@link #compile} runs once per flow version, so expensive preparation
 * (parsing an expression) happens there, not per evaluation.
 *
 * @param <C> the configuration type
 */
public interface PolicyType<C> {

    /** Returns the stable, namespaced type id persisted in definitions, such as {@code builtin.expression}. */
    String typeId();

    /** Returns the configuration class; a policy definition's config must be an instance of it. */
    Class<C> configType();

    /**
     * Returns the compiled policy for {@code config}.
     *
     * @param policyName the policy's name, for messages
     * @throws IllegalArgumentException with a message naming the culprit when the config cannot
     *     be compiled (for an expression: the refused construct)
     */
    Policy compile(String policyName, C config);
}
