package dev.flowstage.benchmarks;

import dev.flowstage.core.internal.machine.FlowMachine;
import dev.flowstage.core.internal.machine.MachineEvent;
import dev.flowstage.core.internal.machine.MachineStates;
import dev.flowstage.core.internal.machine.SpringFlowMachine;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One {@link SpringFlowMachine#fire}: the state-machine share of a step. The machine of a flow
 * with {@code stages} bindings is compiled once per trial; each operation fires PROCEED from
 * {@code stage:i} (cycling i over every stage but the last) with a guard that admits every stage,
 * as a step of {@link StepBenchmark} does, so the result is {@code stage:i+1}. {@code stages=3}
 * is the size of the sign-in flow of {@link LoginBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MachineBenchmark {
    private static final IntPredicate ADMIT_ALL = index -> true;

    /** The number of stage bindings of the machine (as in {@link StepBenchmark}). */
    @Param({"3", "10", "50"})
    public int stages;

    private SpringFlowMachine machine;
    private TableFlowMachine table;
    private String[] states;
    private int at;

    /** Compiles the machine and warms its pool with one fire. */
    @Setup(Level.Trial)
    public void setUp() {
        machine = SpringFlowMachine.compile(stages);
        states = new String[stages];
        for (int i = 0; i < stages; i++) {
            states[i] = MachineStates.stage(i);
        }
        table = new TableFlowMachine(machine.transitions());
        String first = machine.fire(MachineStates.START, MachineEvent.BEGIN, ADMIT_ALL);
        if (!first.equals(states[0])) {
            throw new IllegalStateException("BEGIN led to " + first);
        }
    }

    /** Fires PROCEED from the current stage state and returns the state reached. */
    @Benchmark
    public String fire() {
        return proceed(machine);
    }

    /**
     * The same transition decided by {@link TableFlowMachine}, a lookup in the transition table the
     * Spring machine declares: what the seam costs without Spring Statemachine.
     */
    @Benchmark
    public String transitionTableBaseline() {
        return proceed(table);
    }

    private String proceed(FlowMachine flowMachine) {
        String next = flowMachine.fire(states[at], MachineEvent.PROCEED, ADMIT_ALL);
        at++;
        if (!next.equals(states[at])) {
            throw new IllegalStateException("PROCEED from " + states[at - 1] + " led to " + next);
        }
        at %= stages - 1;
        return next;
    }
}
