package dev.flowstage.api;

/** Thrown when no flow has the requested slug. */
public class FlowNotFoundException extends FlowException {
    private static final long serialVersionUID = 1L;
    private final String slug;

    /** Creates an exception for the unknown {@code slug}. */
    public FlowNotFoundException(String slug) {
        super("flow '" + slug + "' does not exist");
        this.slug = slug;
    }

    /** Returns the slug that was not found. */
    public String slug() {
        return slug;
    }
}
