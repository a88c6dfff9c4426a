package dev.flowstage.api;

import java.util.Objects;

/**
 * A typed key of the execution context.
 *
 * <p>Values must serialise to JSON so that any node can continue an execution: strings, booleans,
 * numbers, lists, maps, or records made of those. Keys are compared by name and type.
 *
 * @param name the key's name as it appears in policies and persisted executions, such as {@code pending_user}
 * @param type the value's type
 * @param <T> the value's type
 */
public record ContextKey<T>(String name, Class<T> type) {
    /** Validates the parts. */
    public ContextKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("context key name must not be blank");
        }
    }

    /** Returns a key named {@code name} holding values of {@code type}. */
    public static <T> ContextKey<T> of(String name, Class<T> type) {
        return new ContextKey<>(name, type);
    }
}
