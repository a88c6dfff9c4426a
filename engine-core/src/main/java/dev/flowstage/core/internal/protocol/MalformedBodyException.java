package dev.flowstage.core.internal.protocol;

import dev.flowstage.api.FlowException;

/** Thrown when a response body cannot be decoded; the message is safe to show to the client. */
public final class MalformedBodyException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message}. */
    public MalformedBodyException(String message) {
        super(message);
    }
}
