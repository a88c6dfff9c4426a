package dev.flowstage.api;

/**
 * The root of Flowstage's exceptions. Messages name the thing and the value and state the rule;
 * they never contain secrets.
 */
public class FlowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message}. */
    public FlowException(String message) {
        super(message);
    }

    /** Creates an exception with {@code message} caused by {@code cause}. */
    public FlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
