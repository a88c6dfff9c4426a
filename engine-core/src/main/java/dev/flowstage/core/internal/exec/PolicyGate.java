package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.PendingUser;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.api.definition.PolicyEngineMode;
import dev.flowstage.policy.CompiledBinding;
import dev.flowstage.policy.PolicyDecision;
import dev.flowstage.policy.PolicyEngine;
import dev.flowstage.spi.PolicyRequest;
import java.util.List;

/**
 * Evaluates policy bindings for an execution, failing closed: when a policy errors and the
 * bindings do not pass, the result is {@link Verdict#ERRORED}, which callers turn into a denial
 * rather than a skipped stage.
 */
final class PolicyGate {
    /** The outcome of a gate. */
    enum Verdict {
        PASS,
        FAIL,
        ERRORED
    }

    private final PolicyEngine engine;
    private final EngineServices services;

    PolicyGate(PolicyEngine engine, EngineServices services) {
        this.engine = engine;
        this.services = services;
    }

    /** A verdict with the policies' messages. */
    record Outcome(Verdict verdict, List<String> messages) {
        static final Outcome PASSED = new Outcome(Verdict.PASS, List.of());
    }

    /** Evaluates {@code bindings} for {@code execution} with {@code context}; errors are published as events. */
    Outcome check(List<CompiledBinding> bindings, PolicyEngineMode mode, Execution execution, FlowContext context) {
        if (bindings.isEmpty()) {
            return Outcome.PASSED;
        }
        RequestInfo request = execution.request();
        PolicyDecision decision = engine.evaluate(bindings, mode, new PolicyRequest(user(context, request), request, context));
        decision.errors().forEach(error -> services.events().publish(new FlowEvent.PolicyErrored(
                services.clock().instant(), execution.id(), execution.flowSlug(), error.policyName(), error.message())));
        Verdict verdict = decision.passing() ? Verdict.PASS : decision.errored() ? Verdict.ERRORED : Verdict.FAIL;
        return new Outcome(verdict, decision.messages());
    }

    /** The user policies see: the existing pending user, else the signed-in requester. */
    User user(FlowContext context, RequestInfo request) {
        PendingUser pending = context.get(ContextKeys.PENDING_USER).orElse(null);
        if (pending != null) {
            return pending.existingId().flatMap(services.users()::findById).orElse(null);
        }
        return request.authenticatedUser().flatMap(services.users()::findById).orElse(null);
    }
}
