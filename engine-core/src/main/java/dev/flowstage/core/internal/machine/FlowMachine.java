package dev.flowstage.core.internal.machine;

import java.util.function.IntPredicate;

/**
 * The compiled state machine of one flow version: which state an event leads to. The seam that
 * keeps Spring Statemachine out of the executor. Implementations are thread-safe.
 */
public interface FlowMachine {

    /**
     * Returns the state reached by firing {@code event} in {@code from}. Transitions into stage
     * states are guarded by {@code admits} (binding index → whether that stage runs now).
     *
     * @throws IllegalStateException when {@code event} is not legal in {@code from}
     */
    String fire(String from, MachineEvent event, IntPredicate admits);

    /** Returns the legal transitions as (from, event, to) rows, for diagrams and coverage tests. */
    java.util.List<Transition> transitions();

    /** One declared transition; {@code to} lists the candidate targets in guard order. */
    record Transition(String from, MachineEvent event, java.util.List<String> to) {}
}
