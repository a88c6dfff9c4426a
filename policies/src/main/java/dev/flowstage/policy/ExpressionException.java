package dev.flowstage.policy;

import dev.flowstage.api.FlowException;

/**
 * Thrown when a {@link SandboxedExpression} fails while evaluating, for example by dividing by
 * zero or indexing past the end of a list. The message names the kind of failure only, never the
 * values involved, which may be personal or secret.
 */
public class ExpressionException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message}. */
    public ExpressionException(String message) {
        super(message);
    }
}
