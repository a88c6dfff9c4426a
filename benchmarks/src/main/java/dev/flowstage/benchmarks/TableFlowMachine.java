package dev.flowstage.benchmarks;

import dev.flowstage.core.internal.machine.FlowMachine;
import dev.flowstage.core.internal.machine.MachineEvent;
import dev.flowstage.core.internal.machine.MachineStates;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A lower bound for {@link FlowMachine#fire}: the same decisions taken by looking the transition up
 * in the table that {@code SpringFlowMachine.transitions()} already declares (from, event →
 * candidate targets in guard order) and returning the first admitted candidate. Used only by
 * {@link MachineBenchmark#transitionTableBaseline}; the engine does not use it.
 */
final class TableFlowMachine implements FlowMachine {
    private final List<Transition> transitions;
    private final Map<String, Map<MachineEvent, List<String>>> table = new HashMap<>();

    TableFlowMachine(List<Transition> transitions) {
        this.transitions = List.copyOf(transitions);
        for (Transition row : transitions) {
            table.computeIfAbsent(row.from(), from -> new EnumMap<>(MachineEvent.class)).put(row.event(), row.to());
        }
    }

    @Override
    public String fire(String from, MachineEvent event, IntPredicate admits) {
        Map<MachineEvent, List<String>> rows = table.get(from);
        List<String> candidates = rows == null ? null : rows.get(event);
        if (candidates == null) {
            throw new IllegalStateException("event " + event + " is not legal in state " + from);
        }
        for (String target : candidates) {
            if (!MachineStates.isStage(target) || admits.test(MachineStates.stageIndex(target))) {
                return target;
            }
        }
        throw new IllegalStateException("no target of " + event + " in state " + from + " is admitted");
    }

    @Override
    public List<Transition> transitions() {
        return transitions;
    }
}
