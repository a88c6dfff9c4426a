package dev.flowstage.api;

/**
 * Thrown when a link token (email verification, recovery, invitation) cannot be used. The message
 * is safe to show to the user and never contains the token.
 */
public class TokenException extends FlowException {
    private static final long serialVersionUID = 1L;

    /** Why the token cannot be used. */
    public enum Reason {
        /** No such token: mistyped, tampered with, or never issued. */
        UNKNOWN("This link is not valid. Please request a new one."),
        /** The token's lifetime has passed. */
        EXPIRED("This link has expired. Please request a new one."),
        /** The token was already used. */
        USED("This link was already used. Please request a new one."),
        /** The token belongs to another flow or execution. */
        FOREIGN("This link does not belong to this flow."),
        /** The execution the token belongs to has moved on or ended. */
        STALE("This link is no longer valid for this sign-in. Please request a new one.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** Returns the user-facing message. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    /** Creates an exception for {@code reason}. */
    public TokenException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    /** Returns why the token cannot be used. */
    public Reason reason() {
        return reason;
    }
}
