package dev.flowstage.core.internal.exec;

import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.api.User;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.CompiledStageBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a flow applies to a requester, which bindings are planned (evaluate_on_plan),
 * and whether a planned binding runs when it comes up (re_evaluate_policies).
 */
final class Planner {
    static final String NOT_APPLICABLE = "Flow does not apply to current user.";
    private final PolicyGate gate;

    Planner(PolicyGate gate) {
        this.gate = gate;
    }

    /** Returns why the flow does not apply to the execution's requester, if it does not. */
    Optional<String> refusal(CompiledFlow flow, Execution execution) {
        RequestInfo request = execution.request();
        Optional<User> requester = request.authenticatedUser().flatMap(id -> Optional.ofNullable(
                gate.user(FlowContext.empty(), request)));
        switch (flow.definition().authentication()) {
            case REQUIRE_AUTHENTICATED:
                if (requester.isEmpty()) {
                    return Optional.of(NOT_APPLICABLE);
                }
                break;
            case REQUIRE_UNAUTHENTICATED:
                if (request.authenticatedUser().isPresent()) {
                    return Optional.of(NOT_APPLICABLE);
                }
                break;
            case REQUIRE_SUPERUSER:
                if (requester.filter(User::superuser).isEmpty()) {
                    return Optional.of(NOT_APPLICABLE);
                }
                break;
            default:
                break;
        }
        return flowPolicies(flow, execution);
    }

    private Optional<String> flowPolicies(CompiledFlow flow, Execution execution) {
        var mode = flow.definition().policyEngineMode();
        PolicyGate.Outcome outcome = gate.check(flow.policies(), mode, execution, execution.context());
        if (outcome.verdict() == PolicyGate.Verdict.PASS) {
            return Optional.empty();
        }
        return Optional.of(outcome.messages().isEmpty() ? NOT_APPLICABLE : String.join("\n", outcome.messages()));
    }

    /** Returns the indices of the bindings admitted at plan time. */
    List<Integer> plan(CompiledFlow flow, Execution execution, FlowContext context) {
        List<Integer> planned = new ArrayList<>();
        for (CompiledStageBinding binding : flow.bindings()) {
            if (!binding.binding().evaluateOnPlan() || passes(binding, execution, context)) {
                planned.add(binding.index());
            }
        }
        return planned;
    }

    /** Returns whether binding {@code index} runs now: planned, and its policies pass if re-evaluated. */
    boolean admits(CompiledFlow flow, Execution execution, int index) {
        CompiledStageBinding binding = flow.binding(index);
        if (!execution.planned().contains(index)) {
            return false;
        }
        return !binding.binding().reEvaluatePolicies() || passes(binding, execution, execution.context());
    }

    private boolean passes(CompiledStageBinding binding, Execution execution, FlowContext context) {
        PolicyGate.Verdict verdict =
                gate.check(binding.policies(), binding.binding().policyEngineMode(), execution, context).verdict();
        if (verdict == PolicyGate.Verdict.ERRORED) {
            throw new PolicyGateErrored(binding.name());
        }
        return verdict == PolicyGate.Verdict.PASS;
    }
}
