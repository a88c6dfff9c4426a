package dev.flowstage.core.internal.machine;

/** Names of the states of a compiled flow machine: one per stage binding plus start and terminals. */
public final class MachineStates {
    public static final String START = "start";
    public static final String COMPLETED = "completed";
    public static final String DENIED = "denied";
    public static final String CANCELLED = "cancelled";
    private static final String STAGE_PREFIX = "stage:";

    private MachineStates() {}

    /** Returns the state of the binding at {@code index} (position in the definition). */
    public static String stage(int index) {
        return STAGE_PREFIX + index;
    }

    /** Returns whether {@code state} is a stage state. */
    public static boolean isStage(String state) {
        return state.startsWith(STAGE_PREFIX);
    }

    /** Returns the binding index of stage state {@code state}. */
    public static int stageIndex(String state) {
        if (!isStage(state)) {
            throw new IllegalArgumentException("not a stage state: " + state);
        }
        return Integer.parseInt(state.substring(STAGE_PREFIX.length()));
    }

    /** Returns whether {@code state} ends an execution. */
    public static boolean isTerminal(String state) {
        return state.equals(COMPLETED) || state.equals(DENIED) || state.equals(CANCELLED);
    }
}
