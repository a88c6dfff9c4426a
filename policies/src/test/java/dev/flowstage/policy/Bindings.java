package dev.flowstage.policy;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.spi.Policy;
import dev.flowstage.spi.PolicyResult;
import dev.flowstage.spi.PolicyType;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds compiled bindings for the tests. */
final class Bindings {
    static final Map<String, PolicyType<?>> TYPES =
            BuiltinPolicyTypes.all().stream().collect(Collectors.toMap(PolicyType::typeId, Function.identity()));

    private Bindings() {}

    static CompiledBinding compiled(PolicyBinding binding) {
        return CompiledBinding.compile(binding, TYPES);
    }

    static PolicyBinding dummy(String name, boolean result) {
        return PolicyBinding.policy(PolicyDefinition.dummy(name, result));
    }

    static PolicyBinding expression(String name, String expression) {
        return PolicyBinding.policy(PolicyDefinition.expression(name, expression));
    }

    /** Returns an enabled binding of {@code policy}, customised by {@code customise}. */
    static CompiledBinding custom(String name, Policy policy, Function<PolicyBinding, PolicyBinding> customise) {
        PolicyBinding binding = PolicyBinding.policy(PolicyDefinition.of(name, "test.custom", "config"));
        return CompiledBinding.of(customise.apply(binding), policy);
    }

    /** Returns an inline policy that always returns {@code result}. */
    static Policy inline(PolicyResult result) {
        return new Policy() {
            @Override
            public PolicyResult evaluate(dev.flowstage.spi.PolicyRequest request) {
                return result;
            }

            @Override
            public boolean runsInline() {
                return true;
            }
        };
    }
}
