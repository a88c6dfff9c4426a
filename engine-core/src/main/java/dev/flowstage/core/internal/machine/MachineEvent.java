package dev.flowstage.core.internal.machine;

/** The events that move a compiled flow machine. */
public enum MachineEvent {
    /** Leave the start state for the first admitted stage. */
    BEGIN,
    /** The current stage is done; go to the next admitted stage or complete. */
    PROCEED,
    /** The current stage denied the execution. */
    DENY,
    /** The client or host cancelled the execution. */
    CANCEL,
    /** Go back to the start (invalid_response_action restart*). */
    RESTART
}
