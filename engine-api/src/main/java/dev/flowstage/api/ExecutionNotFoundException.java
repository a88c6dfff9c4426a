package dev.flowstage.api;

/** Thrown when an execution id names no execution that can continue. */
public class ExecutionNotFoundException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Why the execution cannot continue. */
    public enum Reason {
        /** No execution has this id (never existed, or purged). */
        UNKNOWN,
        /** The execution was idle for longer than the engine's idle timeout. */
        EXPIRED,
        /** The execution already completed, was denied or was cancelled. */
        FINISHED,
        /** The flow version the execution is pinned to is no longer loaded. */
        FLOW_VERSION_GONE,
        /** The stored execution cannot be read here (corrupt, or its secrets were sealed with another key). */
        UNREADABLE
    }

    private final Reason reason;

    /** Creates an exception for execution {@code id} with {@code reason}. */
    public ExecutionNotFoundException(String id, Reason reason) {
        super(message(id, reason));
        this.reason = reason;
    }

    /** Returns why the execution cannot continue. */
    public Reason reason() {
        return reason;
    }

    private static String message(String id, Reason reason) {
        switch (reason) {
            case EXPIRED:
                return "execution '" + id + "' has expired; start the flow again";
            case FINISHED:
                return "execution '" + id + "' has already finished; start the flow again";
            case UNREADABLE:
                return "execution '" + id + "' cannot be read here; start the flow again";
            case FLOW_VERSION_GONE:
                return "execution '" + id + "' belongs to a flow version that is no longer loaded; start the flow again";
            default:
                return "execution '" + id + "' does not exist";
        }
    }
}
