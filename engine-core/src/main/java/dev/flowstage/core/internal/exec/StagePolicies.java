package dev.flowstage.core.internal.exec;

import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyDefinition;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.policy.PolicyDecision;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.spi.PolicyCheck;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates policies a stage names in its config (prompt validation policies): compiled once per
 * definition and cached, evaluated with the engine's policy engine. An error never passes.
 */
final class StagePolicies {
    private final Map<String, PolicyType<?>> types;
    private final PolicyEngine engine;
    private final Map<PolicyDefinition, CompiledBinding> compiled = new ConcurrentHashMap<>();

    StagePolicies(Map<String, PolicyType<?>> types, PolicyEngine engine) {
        this.types = Map.copyOf(types);
        this.engine = engine;
    }

    PolicyCheck check(List<PolicyDefinition> policies, PolicyEngineMode mode, PolicyRequest request) {
        List<CompiledBinding> bindings = new ArrayList<>();
        for (PolicyDefinition policy : policies) {
            bindings.add(compiled.computeIfAbsent(policy, this::compile));
        }
        PolicyDecision decision = engine.evaluate(bindings, mode, request);
        return new PolicyCheck(decision.passing() && !decision.errored(), decision.messages());
    }

    /** Returns the problems of {@code policy}: empty when it compiles. */
    List<String> problems(PolicyDefinition policy) {
        try {
            compiled.computeIfAbsent(policy, this::compile);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
    }

    private CompiledBinding compile(PolicyDefinition policy) {
        PolicyBinding binding = PolicyBinding.policy(policy);
        return CompiledBinding.compile(binding, types);
    }
}
