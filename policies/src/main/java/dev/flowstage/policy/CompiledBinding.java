package dev.flowstage.policy;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyBinding.GroupTarget;
import dev.flowstage.api.definition.PolicyBinding.PolicyTarget;
import dev.flowstage.api.definition.PolicyBinding.UserTarget;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyType;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A policy binding ready for the {@link PolicyEngine}: the binding's definition and, for a policy
 * target, the compiled {@link Policy}; null for group and user targets.
 *
 * @param binding the binding as defined
 * @param policy the compiled policy of a policy target, else null
 */
public record CompiledBinding(PolicyBinding binding, Policy policy) {

    /**
     * Validates that {@code policy} is present exactly when the binding targets a policy.
     *
     * @throws IllegalArgumentException naming the binding when they do not match
     */
    public CompiledBinding {
        Objects.requireNonNull(binding, "binding");
        boolean policyTarget = binding.target() instanceof PolicyTarget;
        if (policyTarget && policy == null) {
            throw new IllegalArgumentException(describe(binding) + " needs its compiled policy");
        }
        if (!policyTarget && policy != null) {
            throw new IllegalArgumentException(describe(binding) + " binds no policy, so it cannot carry a compiled one");
        }
    }

    /**
     * Returns {@code binding} with its compiled {@code policy} (null for group and user targets).
     *
     * @throws IllegalArgumentException when the policy is missing for a policy target, or present for another target
     */
    public static CompiledBinding of(PolicyBinding binding, Policy policy) {
        return new CompiledBinding(binding, policy);
    }

    /**
     * Returns {@code binding} compiled with the policy type its policy names in {@code typesById};
     * group and user bindings need no type.
     *
     * @throws IllegalArgumentException when the type is not registered, the config is not of the
     *     type's config class, or the policy does not compile (with the type's message)
     */
    public static CompiledBinding compile(PolicyBinding binding, Map<String, ? extends PolicyType<?>> typesById) {
        if (!(binding.target() instanceof PolicyTarget target)) {
            return new CompiledBinding(binding, null);
        }
        PolicyDefinition definition = target.policy();
        PolicyType<?> type = typesById.get(definition.type());
        if (type == null) {
            throw new IllegalArgumentException("policy '" + definition.name() + "': type '" + definition.type()
                    + "' is not registered; registered types are " + new TreeSet<>(typesById.keySet()));
        }
        return new CompiledBinding(binding, compileWith(type, definition));
    }

    private static <C> Policy compileWith(PolicyType<C> type, PolicyDefinition definition) {
        if (!type.configType().isInstance(definition.config())) {
            throw new IllegalArgumentException("policy '" + definition.name() + "' of type '" + definition.type()
                    + "' needs a " + type.configType().getSimpleName() + " config, not a "
                    + definition.config().getClass().getSimpleName());
        }
        Policy policy = type.compile(definition.name(), type.configType().cast(definition.config()));
        return Objects.requireNonNull(policy, () -> "policy type '" + definition.type() + "' compiled '"
                + definition.name() + "' to null");
    }

    /** Returns how messages name the binding's target: the policy, group or user, quoted. */
    static String describe(PolicyBinding binding) {
        PolicyBinding.Target target = binding.target();
        if (target instanceof PolicyTarget policy) {
            return "policy '" + policy.policy().name() + "'";
        }
        if (target instanceof GroupTarget group) {
            return "group '" + group.group() + "'";
        }
        if (target instanceof UserTarget user) {
            return "user '" + user.username() + "'";
        }
        throw new AssertionError("unhandled " + target);
    }
}
