package dev.flowstage.core.internal.exec;

import dev.flowstage.api.Challenge;
import dev.flowstage.api.ChallengeResponse;
import dev.flowstage.api.ContextKeys;
import dev.flowstage.api.FlowContext;
import dev.flowstage.api.FlowEvent;
import dev.flowstage.api.FlowResult;
import dev.flowstage.api.Login;
import dev.flowstage.api.ResponseErrors;
import dev.flowstage.api.definition.InvalidResponseAction;
import dev.flowstage.core.internal.compile.CompiledFlow;
import dev.flowstage.core.internal.compile.CompiledStageBinding;
import dev.flowstage.core.internal.machine.MachineEvent;
import dev.flowstage.core.internal.machine.MachineStates;
import dev.flowstage.spi.StageResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one execution through its compiled flow: hands responses to the current stage, applies
 * its decision, fires machine events and lets each newly current stage arrive. Pure with respect
 * to storage: it returns the next execution state and the result, and the caller persists.
 */
final class ExecutionRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRunner.class);
    static final String INTERNAL_ERROR = "An internal error occurred. Please try again later.";
    static final String POLICY_ERROR = "Access could not be checked. Please try again later.";
    static final String LOOPING = "The flow restarted too often and was stopped.";
    private static final int MAX_TRANSITIONS = 256;
    private static final int MAX_RESTARTS = 8;

    /** The outcome of one call: the execution to persist and the result to return. */
    record Step(Execution execution, FlowResult result) {}

    private final EngineServices services;
    private final StageTools tools;
    private final Planner planner;
    private final Renderer renderer;

    ExecutionRunner(EngineServices services, StageTools tools, Renderer renderer) {
        this.services = services;
        this.tools = tools;
        this.planner = new Planner(tools.gate());
        this.renderer = renderer;
    }

    Step start(CompiledFlow flow, Execution fresh) {
        Optional<String> refusal;
        try {
            refusal = planner.refusal(flow, fresh);
        } catch (RuntimeException e) {
            LOG.error("flow '{}' could not check whether it applies", flow.slug(), e);
            return deny(flow, fresh, INTERNAL_ERROR);
        }
        if (refusal.isPresent()) {
            return refuse(flow, fresh, refusal.get());
        }
        publish(new FlowEvent.ExecutionStarted(services.clock().instant(), fresh.id(), flow.slug(), flow.version()));
        Budget budget = new Budget();
        try {
            Execution planned = fresh.withPlan(planner.plan(flow, fresh, fresh.context()), fresh.context());
            return move(flow, planned, MachineEvent.BEGIN, budget);
        } catch (PolicyGateErrored e) {
            return deny(flow, fresh, POLICY_ERROR);
        } catch (RuntimeException e) {
            LOG.error("flow '{}' could not be planned", flow.slug(), e);
            return deny(flow, fresh, INTERNAL_ERROR);
        }
    }

    Step submit(CompiledFlow flow, Execution execution, ChallengeResponse response) {
        CompiledStageBinding binding = flow.binding(execution.currentBinding());
        DefaultStageContext ctx = context(flow, binding, execution);
        StageResult result = call(binding, () -> binding.stage().submit(ctx, response));
        Execution after = ctx.holdForTokens(execution);
        if (ctx.consumedToken()) {
            // the client that confirmed a mailed link continues under a new id: whoever started the
            // execution (and may have kept its id) cannot take over what the link's owner unlocked
            after = after.withId(ExecutionCodec.newId(services.random()));
        }
        return handle(flow, after, binding, result, new Budget());
    }

    /** Renders the current challenge of an active execution, or the outcome of a finished one. */
    FlowResult render(CompiledFlow flow, Execution execution, ResponseErrors errors) {
        if (execution.finished()) {
            return finishedResult(flow, execution);
        }
        CompiledStageBinding binding = flow.binding(execution.currentBinding());
        try {
            Challenge challenge = binding.stage().challenge(context(flow, binding, execution));
            return new FlowResult.Pending(execution.id(),
                    challenge.withFlowInfo(renderer.flowInfo(flow.definition(), execution)).withErrors(errors));
        } catch (RuntimeException e) {
            LOG.error("stage '{}' of flow '{}' failed to render its challenge", binding.name(), flow.slug(), e);
            return new FlowResult.Denied(execution.id(), INTERNAL_ERROR,
                    renderer.accessDenied(flow.definition(), execution, INTERNAL_ERROR));
        }
    }

    Step cancel(CompiledFlow flow, Execution execution) {
        Execution cancelled = execution.finish(MachineStates.CANCELLED, cancelTarget(execution));
        publish(new FlowEvent.ExecutionCancelled(services.clock().instant(), execution.id(), flow.slug()));
        return new Step(cancelled, new FlowResult.Cancelled(execution.id(), cancelled.outcome()));
    }

    String cancelTarget(Execution execution) {
        String next = renderer.safeNext(execution);
        return next == null ? "/" : next;
    }

    private Step handle(CompiledFlow flow, Execution execution, CompiledStageBinding binding, StageResult result, Budget budget) {
        Execution updated = applyUpdate(flow, execution, binding, result);
        if (updated == null) {
            return deny(flow, execution, INTERNAL_ERROR);
        }
        if (result instanceof StageResult.Show) {
            return pending(flow, updated, ResponseErrors.none());
        }
        if (result instanceof StageResult.Invalid invalid) {
            return invalid(flow, updated, binding, invalid.errors(), budget);
        }
        if (result instanceof StageResult.Proceed) {
            publish(new FlowEvent.StageCompleted(services.clock().instant(), execution.id(), flow.slug(), binding.name()));
            return move(flow, updated, MachineEvent.PROCEED, budget);
        }
        if (result instanceof StageResult.Deny deny) {
            InvalidResponseAction action = binding.binding().invalidResponseAction();
            return action == InvalidResponseAction.RETRY
                    ? deny(flow, updated, deny.message())
                    : restart(flow, updated, action == InvalidResponseAction.RESTART_WITH_CONTEXT, budget);
        }
        throw new AssertionError("unhandled " + result);
    }

    private Execution applyUpdate(CompiledFlow flow, Execution execution, CompiledStageBinding binding, StageResult result) {
        try {
            FlowContext before = execution.context();
            FlowContext after = result.update().applyTo(before);
            if (!pendingUserId(before).equals(pendingUserId(after))) {
                // proofs about the previous user must not carry over to another one
                after = result.update().applyTo(withoutUserProofs(before));
            }
            return execution.withContext(after);
        } catch (RuntimeException e) {
            LOG.error("stage '{}' of flow '{}' returned an update that cannot be applied", binding.name(), flow.slug(), e);
            return null;
        }
    }

    private static String pendingUserId(FlowContext context) {
        return context.get(ContextKeys.PENDING_USER).map(user -> user.id() == null ? "" : user.id()).orElse("");
    }

    private static FlowContext withoutUserProofs(FlowContext context) {
        return context.without(ContextKeys.VERIFIED_CREDENTIALS).without(ContextKeys.AUTH_METHOD)
                .without(ContextKeys.AUTH_METHOD_ARGS).without(ContextKeys.LOGIN);
    }

    private Step invalid(CompiledFlow flow, Execution execution, CompiledStageBinding binding, ResponseErrors errors, Budget budget) {
        publish(new FlowEvent.ResponseRejected(services.clock().instant(), execution.id(), flow.slug(), binding.name(),
                new ArrayList<>(errors.asMap().keySet())));
        InvalidResponseAction action = binding.binding().invalidResponseAction();
        if (action == InvalidResponseAction.RETRY) {
            return pending(flow, execution, errors);
        }
        return restart(flow, execution, action == InvalidResponseAction.RESTART_WITH_CONTEXT, budget);
    }

    private Step restart(CompiledFlow flow, Execution execution, boolean keepContext, Budget budget) {
        if (!budget.restart()) {
            return deny(flow, execution, LOOPING);
        }
        publish(new FlowEvent.ExecutionRestarted(services.clock().instant(), execution.id(), flow.slug(), keepContext));
        FlowContext context = keepContext ? execution.context() : FlowContext.empty();
        try {
            List<Integer> plan = planner.plan(flow, execution, context);
            return move(flow, execution.withPlan(plan, context), MachineEvent.RESTART, budget);
        } catch (PolicyGateErrored e) {
            return deny(flow, execution, POLICY_ERROR);
        } catch (RuntimeException e) {
            LOG.error("flow '{}' could not be re-planned", flow.slug(), e);
            return deny(flow, execution, INTERNAL_ERROR);
        }
    }

    private Step move(CompiledFlow flow, Execution execution, MachineEvent event, Budget budget) {
        if (!budget.transition()) {
            return deny(flow, execution, LOOPING);
        }
        String next;
        try {
            next = flow.machine().fire(execution.state(), event, index -> planner.admits(flow, execution, index));
        } catch (PolicyGateErrored e) {
            return deny(flow, execution, POLICY_ERROR);
        } catch (RuntimeException e) {
            LOG.error("flow '{}' could not move on from {} ({})", flow.slug(), execution.state(), event, e);
            return deny(flow, execution, INTERNAL_ERROR);
        }
        if (next.equals(MachineStates.COMPLETED)) {
            return complete(flow, execution.withState(next));
        }
        CompiledStageBinding binding = flow.binding(MachineStates.stageIndex(next));
        DefaultStageContext ctx = context(flow, binding, execution.withState(next));
        StageResult arrival = call(binding, () -> binding.stage().arrive(ctx));
        Execution moved = ctx.holdForTokens(execution.withState(next));
        if (arrival instanceof StageResult.Invalid invalid) {
            Execution updated = applyUpdate(flow, moved, binding, arrival);
            return updated == null ? deny(flow, moved, INTERNAL_ERROR) : pending(flow, updated, invalid.errors());
        }
        return handle(flow, moved, binding, arrival, budget);
    }

    private Step pending(CompiledFlow flow, Execution execution, ResponseErrors errors) {
        FlowResult result = render(flow, execution, errors);
        if (result instanceof FlowResult.Denied denied) {
            return deny(flow, execution, denied.message());
        }
        return new Step(execution, result);
    }

    private Step complete(CompiledFlow flow, Execution execution) {
        Execution done = execution.finish(MachineStates.COMPLETED, renderer.completionTarget(execution));
        FlowResult result = finishedResult(flow, done);
        String userId = done.context().get(ContextKeys.LOGIN).map(Login::userId).orElse("");
        publish(new FlowEvent.ExecutionCompleted(services.clock().instant(), done.id(), flow.slug(), userId));
        return new Step(done, result);
    }

    private Step deny(CompiledFlow flow, Execution execution, String message) {
        Execution denied = execution.finish(MachineStates.DENIED, message);
        publish(new FlowEvent.ExecutionDenied(services.clock().instant(), execution.id(), flow.slug(), message));
        return new Step(denied, finishedResult(flow, denied));
    }

    private Step refuse(CompiledFlow flow, Execution execution, String message) {
        Step denied = deny(flow, execution, message);
        String next = renderer.safeNext(execution);
        switch (flow.definition().deniedAction()) {
            case CONTINUE:
                return new Step(denied.execution(), new FlowResult.Denied(execution.id(), message,
                        renderer.redirect(next == null ? "/" : next)));
            case MESSAGE_CONTINUE:
                return next == null ? denied : new Step(denied.execution(),
                        new FlowResult.Denied(execution.id(), message, renderer.redirect(next)));
            default:
                return denied;
        }
    }

    FlowResult finishedResult(CompiledFlow flow, Execution execution) {
        switch (execution.state()) {
            case MachineStates.COMPLETED:
                FlowContext context = execution.context();
                return new FlowResult.Completed(execution.id(), context.get(ContextKeys.LOGIN),
                        context.get(ContextKeys.LOGOUT).orElse(false), execution.outcome(), context);
            case MachineStates.CANCELLED:
                return new FlowResult.Cancelled(execution.id(), execution.outcome());
            default:
                return new FlowResult.Denied(execution.id(), execution.outcome(),
                        renderer.accessDenied(flow.definition(), execution, execution.outcome()));
        }
    }

    private StageResult call(CompiledStageBinding binding, Supplier<StageResult> decision) {
        try {
            StageResult result = decision.get();
            if (result == null) {
                throw new IllegalStateException("stage returned null");
            }
            return result;
        } catch (RuntimeException e) {
            LOG.error("stage '{}' ({}) failed; denying the execution", binding.name(), binding.stage().typeId(), e);
            return StageResult.deny(INTERNAL_ERROR);
        }
    }

    private DefaultStageContext context(CompiledFlow flow, CompiledStageBinding binding, Execution execution) {
        return new DefaultStageContext(services, tools, flow, binding, execution);
    }

    private void publish(FlowEvent event) {
        services.events().publish(event);
    }

    /** Bounds the transitions and restarts of one call, so that a misconfigured flow cannot spin. */
    private static final class Budget {
        private int transitions;
        private int restarts;

        boolean transition() {
            return ++transitions <= MAX_TRANSITIONS;
        }

        boolean restart() {
            return ++restarts <= MAX_RESTARTS;
        }
    }
}
