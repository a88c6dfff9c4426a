package dev.flowstage.api;

/** Thrown when a user cannot be stored because its username or email address is taken. */
public class UserConflictException extends FlowException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** Creates an exception for {@code field} ({@code username} or {@code email}). */
    public UserConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** Returns the conflicting field: {@code username} or {@code email}. */
    public String field() {
        return field;
    }
}
