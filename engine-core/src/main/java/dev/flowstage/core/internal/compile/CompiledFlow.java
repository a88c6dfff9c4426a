package dev.flowstage.core.internal.compile;

import dev.flowstage.api.definition.FlowDefinition;
import dev.flowstage.core.internal.machine.FlowMachine;
import dev.flowstage.policy.CompiledBinding;
import java.util.List;

/**
 * One version of a flow, compiled: immutable and shared by all executions pinned to it.
 *
 * @param definition the definition it was compiled from
 * @param version the content hash of the definition
 * @param machine the state machine
 * @param bindings the compiled stage bindings, in order
 * @param policies the flow's own compiled policy bindings
 */
public record CompiledFlow(
        FlowDefinition definition,
        String version,
        FlowMachine machine,
        List<CompiledStageBinding> bindings,
        List<CompiledBinding> policies) {

    /** Returns the flow's slug. */
    public String slug() {
        return definition.slug();
    }

    /** Returns the binding at {@code index}. */
    public CompiledStageBinding binding(int index) {
        return bindings.get(index);
    }
}
