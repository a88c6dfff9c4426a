package dev.flowstage.core.internal.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class SpringFlowMachineTest {
    private static final IntPredicate ALL = index -> true;

    @Test
    void begin_allAdmitted_entersFirstStage() {
        FlowMachine machine = SpringFlowMachine.compile(3);
        assertThat(machine.fire(MachineStates.START, MachineEvent.BEGIN, ALL)).isEqualTo("stage:0");
    }

    @Test
    void proceed_skipsStagesTheGuardRefuses() {
        FlowMachine machine = SpringFlowMachine.compile(4);
        assertThat(machine.fire("stage:0", MachineEvent.PROCEED, index -> index == 3)).isEqualTo("stage:3");
        assertThat(machine.fire("stage:0", MachineEvent.PROCEED, index -> false)).isEqualTo(MachineStates.COMPLETED);
        assertThat(machine.fire("stage:3", MachineEvent.PROCEED, ALL)).isEqualTo(MachineStates.COMPLETED);
    }

    @Test
    void denyCancelRestart_reachTheirStates() {
        FlowMachine machine = SpringFlowMachine.compile(2);
        assertThat(machine.fire("stage:1", MachineEvent.DENY, ALL)).isEqualTo(MachineStates.DENIED);
        assertThat(machine.fire("stage:1", MachineEvent.CANCEL, ALL)).isEqualTo(MachineStates.CANCELLED);
        assertThat(machine.fire("stage:1", MachineEvent.RESTART, ALL)).isEqualTo("stage:0");
        assertThat(machine.fire("stage:1", MachineEvent.RESTART, index -> index == 1)).isEqualTo("stage:1");
    }

    @Test
    void pooledMachines_keepTransitioningAfterReachingTerminalStates() {
        FlowMachine machine = SpringFlowMachine.compile(2);
        for (int i = 0; i < 200; i++) {
            assertThat(machine.fire("stage:1", MachineEvent.PROCEED, ALL)).isEqualTo(MachineStates.COMPLETED);
            assertThat(machine.fire("stage:0", MachineEvent.PROCEED, ALL)).isEqualTo("stage:1");
        }
    }

    @Test
    void emptyFlow_beginCompletes() {
        FlowMachine machine = SpringFlowMachine.compile(0);
        assertThat(machine.fire(MachineStates.START, MachineEvent.BEGIN, ALL)).isEqualTo(MachineStates.COMPLETED);
    }

    @Test
    void illegalEvent_isRefused() {
        FlowMachine machine = SpringFlowMachine.compile(2);
        assertThatThrownBy(() -> machine.fire(MachineStates.START, MachineEvent.PROCEED, ALL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not legal");
    }

    @Test
    void guardFailure_propagatesToCaller() {
        FlowMachine machine = SpringFlowMachine.compile(2);
        assertThatThrownBy(() -> machine.fire(MachineStates.START, MachineEvent.BEGIN, index -> {
                    throw new IllegalArgumentException("policy broke");
                }))
                .hasMessage("policy broke");
    }

    @Test
    void everyDeclaredTransition_isExercisedByFiringIt() {
        FlowMachine machine = SpringFlowMachine.compile(3);
        Set<String> reached = new HashSet<>();
        for (FlowMachine.Transition transition : machine.transitions()) {
            for (String target : transition.to()) {
                IntPredicate only = target.startsWith("stage:")
                        ? index -> index == MachineStates.stageIndex(target)
                        : index -> false;
                String state = machine.fire(transition.from(), transition.event(), only);
                assertThat(state).as(transition.toString()).isEqualTo(target);
                reached.add(transition.from() + "/" + transition.event() + "/" + target);
            }
        }
        assertThat(reached).hasSize(machine.transitions().stream().mapToInt(t -> t.to().size()).sum());
        assertThat(machine.transitions()).extracting(FlowMachine.Transition::event).contains(MachineEvent.values());
        assertThat(List.of(MachineStates.COMPLETED, MachineStates.DENIED, MachineStates.CANCELLED))
                .allMatch(MachineStates::isTerminal);
    }
}
