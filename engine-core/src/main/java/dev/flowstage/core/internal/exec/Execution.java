package dev.flowstage.core.internal.exec;

import dev.flowstage.api.ExecutionId;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.RequestInfo;
import dev.flowstage.core.internal.machine.MachineStates;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One execution's persisted state. Immutable; every step produces a new instance.
 *
 * @param id the execution id
 * @param version the store version this instance was read with (0 before the first write)
 * @param flowSlug the flow's slug
 * @param flowVersion the pinned flow version
 * @param state the machine state (start, stage:N or a terminal state)
 * @param planned binding indices admitted when the plan was made (evaluate_on_plan)
 * @param context the execution's context
 * @param request the request that started (or last continued) the execution
 * @param createdAt when it started
 * @param outcome the deny message of a denied execution, the redirect of a finished one, else empty
 * @param holdUntil the execution lives at least until then (a link token issued for it is valid that long)
 */
public record Execution(
        ExecutionId id,
        long version,
        String flowSlug,
        String flowVersion,
        String state,
        List<Integer> planned,
        FlowContext context,
        RequestInfo request,
        Instant createdAt,
        String outcome,
        Instant holdUntil) {

    /** Validates and copies the parts. */
    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flowSlug, "flowSlug");
        Objects.requireNonNull(flowVersion, "flowVersion");
        Objects.requireNonNull(state, "state");
        planned = List.copyOf(planned);
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(holdUntil, "holdUntil");
    }

    /** Returns whether the execution has ended. */
    public boolean finished() {
        return MachineStates.isTerminal(state);
    }

    /** Returns the current binding index; the execution must be at a stage. */
    public int currentBinding() {
        return MachineStates.stageIndex(state);
    }

    Execution withState(String newState) {
        return new Execution(id, version, flowSlug, flowVersion, newState, planned, context, request, createdAt, outcome, holdUntil);
    }

    Execution withContext(FlowContext newContext) {
        return new Execution(id, version, flowSlug, flowVersion, state, planned, newContext, request, createdAt, outcome, holdUntil);
    }

    Execution withPlan(List<Integer> newPlan, FlowContext newContext) {
        return new Execution(id, version, flowSlug, flowVersion, state, newPlan, newContext, request, createdAt, outcome, holdUntil);
    }

    Execution holdUntilAtLeast(Instant instant) {
        if (instant == null || !instant.isAfter(holdUntil)) {
            return this;
        }
        return new Execution(id, version, flowSlug, flowVersion, state, planned, context, request, createdAt, outcome, instant);
    }

    Execution withId(ExecutionId newId) {
        return new Execution(newId, version, flowSlug, flowVersion, state, planned, context, request, createdAt, outcome, holdUntil);
    }

    Execution withRequest(RequestInfo newRequest) {
        return new Execution(id, version, flowSlug, flowVersion, state, planned, context, newRequest, createdAt, outcome, holdUntil);
    }

    Execution finish(String terminalState, String newOutcome) {
        return new Execution(id, version, flowSlug, flowVersion, terminalState, planned, context, request, createdAt, newOutcome, holdUntil);
    }
}
