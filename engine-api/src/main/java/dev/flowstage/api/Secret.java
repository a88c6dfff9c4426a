package dev.flowstage.api;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Holds a secret value (a password, a token, a one-time code) so that it never shows up in
 * {@code toString()}, logs, events or exception messages.
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} always returns {@code "[redacted]"};
 * the value is only reachable through {@link #reveal()}, which callers should use as late as
 * possible. {@link #equals(Object)} compares in constant time.
 */
public final class Secret {
    private static final String REDACTED = "[redacted]";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "secret value");
    }

    /** Returns a secret wrapping {@code value}; throws {@link NullPointerException} if it is null. */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Returns the plain value; never null. */
    public String reveal() {
        return value;
    }

    /** Returns whether the secret is the empty string. */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Returns the length of the plain value, which is not itself secret enough to hide. */
    public int length() {
        return value.length();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash would leak information about the value; secrets are not map keys
    }

    /** Returns {@code "[redacted]"}, never the value. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
