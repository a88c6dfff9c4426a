package dev.flowstage.api;

/**
 * Thrown when two submits raced on one execution and this one lost: the execution was advanced by
 * the other and this response was not applied. Fetch the current challenge and answer it again.
 */
public class ExecutionConflictException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception for execution {@code id}. */
    public ExecutionConflictException(String id) {
        super("execution '" + id + "' was changed by a concurrent request; the response was not applied");
    }
}
