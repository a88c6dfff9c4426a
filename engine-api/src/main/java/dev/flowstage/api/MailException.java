package dev.flowstage.api;

/** Thrown when a mail could not be sent; the message says why, without credentials. */
public class MailException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@code message} caused by {@code cause}. */
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
