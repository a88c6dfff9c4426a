package dev.flowstage.policy;

import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyBinding;
import dev.flowstage.api.definition.PolicyBinding.GroupTarget;
import dev.flowstage.api.definition.PolicyBinding.PolicyTarget;
import dev.flowstage.api.definition.PolicyBinding.UserTarget;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.spi.PolicyRequest;
import dev.flowstage.spi.PolicyResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates policy bindings, as authentik's policy engine does, but fail closed and with timeouts
 * enforced.
 *
 * <ul>
 *   <li>Disabled bindings are ignored; with no enabled binding the decision passes.
 *   <li>Bindings are evaluated in ascending {@code order} (ties keep list order).
 *   <li>A group binding passes when there is a user and it is a member of the group; a user binding
 *       when the user's username equals the binding's, ignoring case; a policy binding when the
 *       policy returns {@link PolicyResult.Pass}. {@code negate} inverts these results; messages
 *       are unaffected.
 *   <li>When the policy returns {@link PolicyResult.Errored}, throws, or exceeds the binding's
 *       timeout, the binding's result is its {@code failureResult}, <em>not</em> negated (as
 *       authentik applies {@code failure_result}), and the error goes to the error listener, not to
 *       the decision's messages. With the default {@code failureResult = false} an error therefore
 *       never grants.
 *   <li>{@link PolicyEngineMode#ALL} passes when every binding passes and stops at the first
 *       failure; {@link PolicyEngineMode#ANY} passes when one does and stops at the first pass.
 *       Messages of the bindings evaluated until then are collected in order.
 * </ul>
 *
 * <p>Policies whose {@link dev.flowstage.spi.Policy#runsInline()} is true run on the caller's
 * thread (their running time is bounded by construction); the others run on the executor given at
 * construction, and are cancelled (interrupted) when they exceed the binding's timeout. The engine
 * is immutable and thread-safe; it never shuts the executor down.
 */
public final class PolicyEngine {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyEngine.class);
    private static final Comparator<CompiledBinding> BY_ORDER = Comparator.comparingInt(b -> b.binding().order());

    private final PolicyRunner runner;
    private final Consumer<PolicyError> errorListener;

    /**
     * Creates an engine that runs non-inline policies on {@code executor} (owned by the caller) and
     * reports every policy that errored, threw or timed out to {@code errorListener}, which must be
     * thread-safe; an exception it throws is logged and otherwise ignored.
     */
    public PolicyEngine(ExecutorService executor, Consumer<PolicyError> errorListener) {
        this.runner = new PolicyRunner(Objects.requireNonNull(executor, "executor"));
        this.errorListener = Objects.requireNonNull(errorListener, "errorListener");
    }

    /**
     * Returns the decision of {@code bindings} combined by {@code mode} for {@code request}. Never
     * throws because of a policy: policy failures become the binding's failure result.
     */
    public PolicyDecision evaluate(List<CompiledBinding> bindings, PolicyEngineMode mode, PolicyRequest request) {
        Objects.requireNonNull(bindings, "bindings");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(request, "request");
        boolean decisive = mode == PolicyEngineMode.ANY;
        List<String> messages = new ArrayList<>();
        List<PolicyError> errors = new ArrayList<>();
        List<CompiledBinding> enabled = enabledInOrder(bindings);
        for (CompiledBinding binding : enabled) {
            boolean passing = evaluate(binding, request, messages, errors);
            if (passing == decisive) {
                return new PolicyDecision(passing, messages, errors);
            }
        }
        return new PolicyDecision(enabled.isEmpty() || !decisive, messages, errors);
    }

    private static List<CompiledBinding> enabledInOrder(List<CompiledBinding> bindings) {
        return bindings.stream().filter(b -> b.binding().enabled()).sorted(BY_ORDER).toList();
    }

    /** Returns whether {@code compiled} passes, adding its messages to {@code messages}. */
    private boolean evaluate(
            CompiledBinding compiled, PolicyRequest request, List<String> messages, List<PolicyError> errors) {
        PolicyBinding binding = compiled.binding();
        PolicyBinding.Target target = binding.target();
        User user = request.user();
        if (target instanceof GroupTarget group) {
            return binding.negate() != (user != null && user.isMemberOf(group.group()));
        }
        if (target instanceof UserTarget named) {
            return binding.negate() != (user != null && user.username().equalsIgnoreCase(named.username()));
        }
        if (target instanceof PolicyTarget policy) {
            return evaluatePolicy(compiled, policy.policy().name(), request, messages, errors);
        }
        throw new AssertionError("unhandled " + target);
    }

    private boolean evaluatePolicy(CompiledBinding compiled, String name, PolicyRequest request, List<String> messages,
            List<PolicyError> errors) {
        PolicyBinding binding = compiled.binding();
        PolicyResult result = runner.run(name, compiled.policy(), request, binding.timeout());
        if (result instanceof PolicyResult.Errored errored) {
            PolicyError error = new PolicyError(name, errored.message());
            errors.add(error);
            report(error);
            return binding.failureResult();
        }
        messages.addAll(result.messages());
        if (result instanceof PolicyResult.Pass) {
            return !binding.negate();
        }
        if (result instanceof PolicyResult.Fail) {
            return binding.negate();
        }
        throw new AssertionError("unhandled " + result);
    }

    private void report(PolicyError error) {
        LOG.debug("policy '{}' errored: {}", error.policyName(), error.message());
        try {
            errorListener.accept(error);
        } catch (RuntimeException e) {
            LOG.warn("policy error listener failed while reporting policy '{}'", error.policyName(), e);
        }
    }
}
