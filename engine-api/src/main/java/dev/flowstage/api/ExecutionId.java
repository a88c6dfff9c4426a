package dev.flowstage.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one execution (one user's run through a flow).
 *
 * <p>The value is an opaque, URL-safe string of 16 to 64 characters from {@code [A-Za-z0-9_-]};
 * the engine generates it from at least 128 random bits. Constructing one from untrusted input
 * (a cookie, a URL) validates the shape and throws {@link IllegalArgumentException} otherwise.
 */
public record ExecutionId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** Validates the shape of {@code value}. */
    public ExecutionId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("execution id must be 16 to 64 characters of [A-Za-z0-9_-]");
        }
    }

    /** Returns the id for {@code value}; throws {@link IllegalArgumentException} for a malformed value. */
    public static ExecutionId of(String value) {
        return new ExecutionId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
